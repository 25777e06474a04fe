import Testing

@testable import PerfGateAgents

struct SwarmCancellationTests {
    @Test func aRoundOfACancelledTaskStillCompletesWithEveryAgent() async {
        let swarm = Swarm(agentCount: 4, model: .light, seed: 9, roundDeadline: .seconds(5))
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await swarm.runRound()
        }
        let outcome = await task.value
        #expect(outcome.round == 1)
        #expect(outcome.agentSteps == 8)
        let reference = Swarm(agentCount: 4, model: .light, seed: 9, roundDeadline: .seconds(5))
        #expect(await reference.runRound().stateDigest == outcome.stateDigest)
    }
}
