import PerfGateAgents
import Testing

struct BeliefUpdateTests {
    /// Two states, two observations. Transition (column-major, column = current state):
    ///   B = | 0.9  0.2 |      so B·[0.5, 0.5] = [0.9·0.5 + 0.2·0.5, 0.1·0.5 + 0.8·0.5] = [0.55, 0.45]
    ///       | 0.1  0.8 |
    /// Observing o = 0 with A[0, :] = [0.8, 0.3]:
    ///   unnormalised = [0.55·0.8, 0.45·0.3] = [0.44, 0.135], total 0.575
    ///   posterior    = [0.44 / 0.575, 0.135 / 0.575] = [0.765217391304348, 0.234782608695652]
    static let transition = [0.9, 0.1, 0.2, 0.8]

    @Test func posteriorMatchesTheHandComputedTwoStateExample() {
        let predicted = BeliefUpdate.predicted(belief: [0.5, 0.5], transition: Self.transition)
        #expect(abs(predicted[0] - 0.55) < 1e-12)
        #expect(abs(predicted[1] - 0.45) < 1e-12)

        let posterior = BeliefUpdate.posterior(
            previous: [0.5, 0.5],
            transition: Self.transition,
            likelihoodRow: [0.8, 0.3]
        )
        #expect(abs(posterior[0] - 0.44 / 0.575) < 1e-12)
        #expect(abs(posterior[1] - 0.135 / 0.575) < 1e-12)
        #expect(abs(posterior[0] - 0.765217391304348) < 1e-12)
    }

    @Test func evidenceThatIsZeroEverywhereLeavesThePredictedBelief() {
        let posterior = BeliefUpdate.posterior(
            previous: [0.5, 0.5],
            transition: Self.transition,
            likelihoodRow: [0, 0]
        )
        #expect(abs(posterior[0] - 0.55) < 1e-12)
        #expect(abs(posterior[1] - 0.45) < 1e-12)
    }

    @Test(arguments: [
        ([1.0, 0.0], [1.0, 0.0, 0.0, 1.0], [0.0, 1.0]),  // evidence contradicts a certain belief
        ([0.0, 1.0], [1.0, 0.0, 1.0, 0.0], [1e-300, 1.0]),  // tiny likelihood on the only reachable state
        ([0.5, 0.5], [0.5, 0.5, 0.5, 0.5], [1.0, 0.0]),  // a zero likelihood rules a state out
        ([Double.leastNonzeroMagnitude, 1.0], [0.0, 1.0, 0.0, 1.0], [0.0, 0.0]),  // subnormal belief, zero likelihoods
    ])
    func extremeInputsGiveAFiniteBeliefThatSumsToOne(previous: [Double], transition: [Double], likelihood: [Double]) {
        let posterior = BeliefUpdate.posterior(previous: previous, transition: transition, likelihoodRow: likelihood)
        #expect(posterior.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(abs(posterior.reduce(0, +) - 1) < 1e-12)
    }

    @Test func aZeroLikelihoodDrivesAStateToTheFloorNotToNaN() {
        let posterior = BeliefUpdate.posterior(
            previous: [0.5, 0.5],
            transition: [0.5, 0.5, 0.5, 0.5],
            likelihoodRow: [1.0, 0.0]
        )
        // log(0.5) + log(1e-16) against log(0.5) + log(1): the second state keeps about 1e-16.
        #expect(posterior[1] > 0 && posterior[1] < 1e-15)
    }

    @Test func agentBeliefsStayNormalisedOverManySteps() throws {
        let model = GenerativeModel(seededWith: 11, size: .light)
        var agent = ActiveInferenceAgent(id: 0, model: model, seed: 11)
        var generator = Xoshiro256StarStar(seed: 3)
        for _ in 0..<200 {
            let observation = Int(generator.next() % UInt64(model.size.observations))
            let action = Int(generator.next() % UInt64(model.size.actions))
            agent.observe(observation, after: action)
            #expect(agent.belief.allSatisfy { $0.isFinite && $0 >= 0 })
            #expect(abs(agent.belief.reduce(0, +) - 1) < 1e-9)
        }
    }

    @Test func logSumExpIsStableForLargeInputs() {
        #expect(abs(LogSpace.logSumExp([1000, 1000]) - (1000 + 0.6931471805599453)) < 1e-9)
        #expect(LogSpace.logSumExp([]) == -.infinity)
        let probabilities = LogSpace.softmax([-1000, 0, 1000])
        #expect(abs(probabilities[2] - 1) < 1e-12)
        #expect(probabilities.allSatisfy { $0.isFinite })
    }
}
