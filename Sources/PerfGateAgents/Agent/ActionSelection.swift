/// How an agent turns the expected free energies G of its policies into a choice.
public enum ActionSelection: Sendable, Hashable {
    /// The policy with the lowest G; ties go to the lowest policy index.
    case minimum
    /// A policy drawn from `softmax(−γ·G)` with the agent's seeded generator; γ (precision) must be finite ≥ 0.
    case sampled(precision: Double)
}

/// The result of one planning step: the chosen policy, its first action, and what it cost to decide.
public struct AgentStep: Sendable, Hashable {
    /// The action to take now: the first action of ``policy``, in 0..<U.
    public var action: Int
    /// The chosen policy's actions, length H.
    public var policy: [Int]
    /// The chosen policy's expected free energy G, in nats.
    public var expectedFreeEnergy: Double
    /// The lowest G among the scored policies, in nats.
    public var minimumExpectedFreeEnergy: Double
    /// How many policies were scored (excluding injected extra work).
    public var policiesEvaluated: Int
}
