import PerfGateAgents
import Testing

struct ContractNetTests {
    @Test func equalBidsGoToTheLowerAgentIDAndTheLoserGetsAnotherTask() {
        let bids = [
            TaskBid(taskID: 0, agentID: 1, value: 5),
            TaskBid(taskID: 0, agentID: 0, value: 5),
            TaskBid(taskID: 1, agentID: 0, value: 4),
            TaskBid(taskID: 1, agentID: 1, value: 3),
        ]
        #expect(ContractNet.award(bids) == [0: 0, 1: 1])
    }

    @Test func anAgentWinsAtMostOneTaskEvenWhenItBidsHighestEverywhere() {
        let bids = [
            TaskBid(taskID: 0, agentID: 0, value: 9),
            TaskBid(taskID: 1, agentID: 0, value: 9),
            TaskBid(taskID: 0, agentID: 1, value: 1),
            TaskBid(taskID: 1, agentID: 1, value: 1),
        ]
        // Agent 0's two equal bids: the lower task id wins; agent 1 takes what is left.
        #expect(ContractNet.award(bids) == [0: 0, 1: 1])
    }

    @Test func nonPositiveAndNonFiniteBidsAreIgnored() {
        let bids = [
            TaskBid(taskID: 0, agentID: 0, value: 0),
            TaskBid(taskID: 1, agentID: 1, value: -2),
            TaskBid(taskID: 2, agentID: 2, value: .nan),
            TaskBid(taskID: 3, agentID: 3, value: .infinity),
        ]
        #expect(ContractNet.award(bids).isEmpty)
        #expect(ContractNet.award([]).isEmpty)
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func awardsNeverShareATaskOrAnAgentAndIgnoreBidOrder(seed: UInt64) {
        var generator = Xoshiro256StarStar(seed: seed)
        var bids: [TaskBid] = []
        for agent in 0..<12 {
            for task in 0..<7 {
                // Few distinct values, so ties are common.
                bids.append(TaskBid(taskID: task, agentID: agent, value: Double(generator.next() % 4)))
            }
        }
        let awards = ContractNet.award(bids)
        #expect(Set(awards.values).count == awards.count)
        // Maximal: a task left over had no positive bid from an agent that is still free.
        let busy = Set(awards.values)
        for bid in bids where bid.value > 0 && awards[bid.taskID] == nil {
            #expect(busy.contains(bid.agentID))
        }
        for (task, agent) in awards {
            #expect(bids.contains { $0.taskID == task && $0.agentID == agent && $0.value > 0 })
        }
        var shuffled = bids
        shuffled.shuffle(using: &generator)
        #expect(ContractNet.award(shuffled) == awards)
    }
}
