import PerfGateAgents
import Testing

struct ExpectedFreeEnergyTests {
    /// Two states seen perfectly (A = identity); action 0 moves to state 0, action 1 to state 1;
    /// C = [0, 3] prefers observation 1. From q = [0.5, 0.5] with H = 1:
    ///   softmax(C) = [1/(1+e³), e³/(1+e³)]
    ///   G([1]) = KL([0, 1] ‖ softmax C) = −log(e³/(1+e³)) = log(1 + e⁻³) ≈ 0.04858735157374206
    ///   G([0]) = KL([1, 0] ‖ softmax C) = −log(1/(1+e³))  = log(1 + e³)  ≈ 3.048587351573742
    /// Both ambiguities are 0 because every column of A is certain.
    static func steeringModel(horizon: Int = 1) throws -> GenerativeModel {
        try GenerativeModel(
            size: AgentModelSize(states: 2, observations: 2, actions: 2, horizon: horizon),
            likelihood: [1, 0, 0, 1],
            transitions: [1, 0, 1, 0, 0, 1, 0, 1],
            preferences: [0, 3],
            prior: [0.5, 0.5]
        )
    }

    @Test func thePolicyLeadingToPreferredObservationsHasTheLowerExpectedFreeEnergy() throws {
        let model = try Self.steeringModel()
        let towardsPreferred = ExpectedFreeEnergy.evaluate(policy: [1], belief: [0.5, 0.5], model: model)
        let awayFromPreferred = ExpectedFreeEnergy.evaluate(policy: [0], belief: [0.5, 0.5], model: model)
        #expect(abs(towardsPreferred.risk - 0.04858735157374206) < 1e-9)
        #expect(abs(awayFromPreferred.risk - 3.048587351573742) < 1e-9)
        #expect(abs(towardsPreferred.ambiguity) < 1e-12)
        #expect(towardsPreferred.total < awayFromPreferred.total)
    }

    @Test func anAgentMinimisingExpectedFreeEnergyChoosesThePreferredAction() throws {
        var agent = ActiveInferenceAgent(id: 0, model: try Self.steeringModel(horizon: 2), seed: 1, selection: .minimum)
        let step = agent.plan()
        #expect(step.policiesEvaluated == 4)
        #expect(step.policy == [1, 1])
        #expect(step.action == 1)
        #expect(step.expectedFreeEnergy == step.minimumExpectedFreeEnergy)
    }

    @Test func ambiguityIsTheExpectedEntropyOfTheObservations() throws {
        // State 1 emits both observations with probability ½, so its ambiguity is log 2; with flat
        // preferences the predicted observations [½, ½] carry no risk.
        let model = try GenerativeModel(
            size: AgentModelSize(states: 2, observations: 2, actions: 2, horizon: 1),
            likelihood: [1, 0, 0.5, 0.5],
            transitions: [1, 0, 1, 0, 0, 1, 0, 1],
            preferences: [0, 0],
            prior: [0.5, 0.5]
        )
        let terms = ExpectedFreeEnergy.evaluate(policy: [1], belief: [0.5, 0.5], model: model)
        #expect(abs(terms.ambiguity - 0.6931471805599453) < 1e-12)
        #expect(abs(terms.risk) < 1e-12)
    }

    @Test(arguments: [(0, [0, 0]), (5, [1, 2]), (8, [2, 2]), (3, [1, 0])])
    func policyIndicesReadAsBaseUDigitsFirstActionFirst(index: Int, actions: [Int]) {
        #expect(ExpectedFreeEnergy.policyActions(index: index, actions: 3, horizon: 2) == actions)
    }

    @Test func tiesGoToTheFirstPolicyScored() throws {
        // Flat preferences and identical columns: every policy has the same G.
        let model = try GenerativeModel(
            size: AgentModelSize(states: 2, observations: 2, actions: 3, horizon: 1),
            likelihood: [0.5, 0.5, 0.5, 0.5],
            transitions: [Double](repeating: 0.5, count: 12),
            preferences: [0, 0],
            prior: [0.5, 0.5]
        )
        var agent = ActiveInferenceAgent(id: 0, model: model, seed: 9, selection: .minimum)
        #expect(agent.plan().action == 0)
    }

    @Test func sampledSelectionIsReproducibleForASeed() {
        let model = GenerativeModel(seededWith: 5, size: .light)
        var first = ActiveInferenceAgent(id: 0, model: model, seed: 21)
        var second = ActiveInferenceAgent(id: 0, model: model, seed: 21)
        for step in 0..<20 {
            #expect(
                first.step(observation: step % 8, previousAction: step % 5)
                    == second.step(observation: step % 8, previousAction: step % 5)
            )
        }
    }

    @Test func aCappedHorizonScoresOnlyTheCap() {
        let size = AgentModelSize(states: 4, observations: 2, actions: 5, horizon: 3, policyCap: 7)
        #expect(size.policiesPerStep == 7)
        var agent = ActiveInferenceAgent(id: 0, model: GenerativeModel(seededWith: 1, size: size), seed: 1)
        let step = agent.plan()
        #expect(step.policiesEvaluated == 7)
        #expect(step.policy.count == 3)
    }
}
