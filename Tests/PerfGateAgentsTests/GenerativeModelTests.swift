import PerfGateStatistics
import PerfGateAgents
import Testing

struct GenerativeModelTests {
    @Test func theProductionPresetFitsTheMemoryBudgetWithRoomForInjectedMemory() {
        let size = AgentModelSize.production
        #expect(size.estimatedModelBytes == 25_699_328)
        let budget = 36_175_872
        let withInjection = size.estimatedModelBytes + FaultInjection(extraMemory: 0.10).extraDoubles(for: size) * 8
        #expect(withInjection < budget)
        #expect(size.estimatedModelBytes > 24 * 1_048_576)
        #expect(size.policiesPerStep == 32)
    }

    @Test(arguments: [AgentModelSize.light, AgentModelSize(states: 12, observations: 6, actions: 7, horizon: 1)])
    func seededModelsHoldDistributionsAndTheEstimatedNumberOfDoubles(size: AgentModelSize) {
        let model = GenerativeModel(seededWith: 99, size: size)
        #expect(model.allocatedDoubleCount == size.modelDoubleCount)
        let states = size.states
        for column in 0..<(size.actions * states) {
            let sum = model.transitions[(column * states)..<((column + 1) * states)].reduce(0, +)
            #expect(abs(sum - 1) < 1e-9)
        }
        for state in 0..<states {
            let observations = size.observations
            let sum = model.likelihood[(state * observations)..<((state + 1) * observations)].reduce(0, +)
            #expect(abs(sum - 1) < 1e-9)
        }
        #expect(abs(model.prior.reduce(0, +) - 1) < 1e-9)
    }

    @Test func theSameSeedGivesTheSameModelAndAnotherSeedADifferentOne() {
        let first = GenerativeModel(seededWith: 5, size: .light)
        let again = GenerativeModel(seededWith: 5, size: .light)
        let other = GenerativeModel(seededWith: 6, size: .light)
        #expect(first.transitions == again.transitions && first.likelihood == again.likelihood)
        #expect(first.transitions != other.transitions)
    }

    @Test func transitionsMostlyFollowTheIntendedMove() {
        let size = AgentModelSize.light
        let model = GenerativeModel(seededWith: 8, size: size)
        let states = size.states
        // Action 2 moves east: from state 0 (top-left cell) to state 1.
        let column = Array(model.transitions[(2 * states * states)..<(2 * states * states + states)])
        #expect(column.firstIndex(of: column.max()!) == 1)
        #expect(column.max()! > 0.85)
    }

    @Test func aColumnThatDoesNotSumToOneIsRejected() {
        #expect(throws: GenerativeModelError.self) {
            try GenerativeModel(
                size: AgentModelSize(states: 2, observations: 2, actions: 1, horizon: 1),
                likelihood: [0.5, 0.6, 0.5, 0.5],
                transitions: [1, 0, 0, 1],
                preferences: [0, 0],
                prior: [0.5, 0.5]
            )
        }
    }

    @Test func errorDescriptionsNameTheArray() {
        let error = GenerativeModelError.invalidArray(name: "B", detail: "column 3 sums to 0.9, not 1")
        #expect(error.description.contains("array B"))
    }

    @Test func derivedSeedsDifferByStreamAndPurpose() {
        let seeds = Set(
            (0..<100).flatMap { stream in
                (1...3).map { SplitMix64.derivedSeed(runSeed: 7, stream: stream, purpose: UInt64($0)) }
            }
        )
        #expect(seeds.count == 300)
        #expect(
            SplitMix64.derivedSeed(runSeed: 7, stream: 3, purpose: 1)
                == SplitMix64.derivedSeed(runSeed: 7, stream: 3, purpose: 1)
        )
    }
}
