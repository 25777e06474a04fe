import PerfGateAgents
import Testing

struct SwarmTests {
    /// A small model so debug-build tests stay fast; coordination needs at least 5 actions.
    static let size = AgentModelSize(states: 16, observations: 8, actions: 5, horizon: 2)

    /// Runs `rounds` rounds and returns every outcome.
    static func run(
        agents: Int = 6,
        seed: UInt64 = 42,
        deadline: Duration = .seconds(3600),
        injection: FaultInjection = .none,
        rounds: Int = 12
    ) async -> (outcomes: [RoundOutcome], beliefs: [[Double]], swarm: Swarm) {
        let swarm = Swarm(
            agentCount: agents,
            model: size,
            seed: seed,
            roundDeadline: deadline,
            injection: injection
        )
        var outcomes: [RoundOutcome] = []
        for _ in 0..<rounds { outcomes.append(await swarm.runRound()) }
        return (outcomes, await swarm.beliefs(), swarm)
    }

    @Test func theSameSeedGivesTheSameAwardsBeliefsAndDigests() async {
        let first = await Self.run()
        let second = await Self.run()
        #expect(first.outcomes.map(\.awards) == second.outcomes.map(\.awards))
        #expect(first.outcomes.map(\.stateDigest) == second.outcomes.map(\.stateDigest))
        #expect(first.outcomes.map(\.completedTaskIDs) == second.outcomes.map(\.completedTaskIDs))
        #expect(first.beliefs == second.beliefs)
    }

    @Test func theDeadlineDoesNotChangeTheState() async {
        let generous = await Self.run(deadline: .seconds(3600))
        let otherGenerous = await Self.run(deadline: .seconds(600))
        let impossible = await Self.run(deadline: .zero)
        #expect(generous.outcomes.map(\.stateDigest) == otherGenerous.outcomes.map(\.stateDigest))
        #expect(generous.outcomes.map(\.stateDigest) == impossible.outcomes.map(\.stateDigest))
        #expect(generous.outcomes.map(\.awards) == impossible.outcomes.map(\.awards))
    }

    @Test func aZeroDeadlineMarksEveryRoundAsTimedOut() async {
        let result = await Self.run(agents: 4, deadline: .zero, rounds: 3)
        for outcome in result.outcomes {
            #expect(outcome.timedOut)
            #expect(outcome.lateProposals == 4)
        }
    }

    @Test func aDifferentSeedGivesADifferentHistory() async {
        let first = await Self.run(seed: 1)
        let second = await Self.run(seed: 2)
        #expect(first.outcomes.last?.stateDigest != second.outcomes.last?.stateDigest)
        #expect(first.beliefs != second.beliefs)
    }

    @Test func everyRoundAwardsEachTaskToOneAgentAndEachAgentAtMostOneTask() async {
        let result = await Self.run(agents: 7, rounds: 10)
        var rounds: [Int] = []
        for outcome in result.outcomes {
            rounds.append(outcome.round)
            #expect(Set(outcome.awards.values).count == outcome.awards.count)
            #expect(outcome.awards.values.allSatisfy { (0..<7).contains($0) })
            #expect(outcome.messages == 4 * 7 + outcome.awards.count)
            #expect(outcome.agentSteps == 14)
        }
        #expect(rounds == Array(1...10))
        #expect(await result.swarm.roundsCompleted == 10)
        let awarded = result.outcomes.reduce(0) { $0 + $1.awards.count }
        #expect(awarded > 0)
    }

    @Test func agentsCompleteTasksAndNewTasksOpen() async {
        let result = await Self.run(agents: 4, rounds: 40)
        let completed = result.outcomes.flatMap(\.completedTaskIDs)
        #expect(!completed.isEmpty)
        #expect(Set(completed).count == completed.count)
        let world = await result.swarm.world
        #expect(world.tasks.count == world.openTaskTarget)
    }

    @Test func beliefsStayNormalisedThroughCoordination() async {
        let result = await Self.run(agents: 3, rounds: 15)
        for belief in result.beliefs {
            #expect(abs(belief.reduce(0, +) - 1) < 1e-9)
            #expect(belief.allSatisfy { $0.isFinite && $0 >= 0 })
        }
    }
}
