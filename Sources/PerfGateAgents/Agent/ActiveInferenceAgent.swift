/// A discrete active-inference agent: a belief over hidden states, updated from observations, and a
/// planner that picks actions by expected free energy (see ``BeliefUpdate`` and ``ExpectedFreeEnergy``).
///
/// The agent owns its ``GenerativeModel`` (for ``AgentModelSize/production`` about 24.5 MiB, allocated and
/// filled at creation) plus a few S-sized buffers, so one agent's memory is what a production agent holds.
/// Every random choice (policy sampling, action sampling) uses a generator seeded at creation: the same
/// seed and the same observations give the same beliefs and actions.
///
/// ```swift
/// var agent = ActiveInferenceAgent(id: 0, model: GenerativeModel(seededWith: 7, size: .light), seed: 7)
/// let step = agent.step(observation: 3, previousAction: 0)  // update belief, then plan
/// ```
public struct ActiveInferenceAgent: Sendable {
    /// The agent's id; results are ordered by it.
    public let id: Int
    /// The generative model (A, B, C, D).
    public let model: GenerativeModel
    /// The injected fault (extra work, extra memory).
    public let injection: FaultInjection
    /// How the agent chooses among scored policies.
    public let selection: ActionSelection
    /// The current belief q(s) over hidden states; length S, sums to 1.
    public internal(set) var belief: [Double]
    /// A checksum of the injected extra work, kept so the optimiser cannot drop it; not part of any result.
    public internal(set) var injectedWorkChecksum = 0.0

    var scratch: [Double]
    var workspace: PlanningWorkspace
    var generator: Xoshiro256StarStar
    var policies: [Int]
    let samplesPolicies: Bool
    var scores: [Double]
    var episodicMemory: [Double]
    var episodicCursor = 0
    var extraColumnCredit = 0.0

    /// Creates an agent whose belief starts at the model's prior D.
    ///
    /// - Parameters:
    ///   - id: The agent's id.
    ///   - model: Its generative model (not shared: each agent of a swarm gets its own).
    ///   - seed: Seeds the agent's generator (policy and action sampling).
    ///   - injection: Extra work and memory to inject; ``FaultInjection/none`` by default.
    ///   - selection: How to choose a policy; sampling with precision 4 by default.
    /// - Complexity: O(S + O + extra memory), plus filling the injected buffer.
    public init(
        id: Int,
        model: GenerativeModel,
        seed: UInt64,
        injection: FaultInjection = .none,
        selection: ActionSelection = .sampled(precision: 4)
    ) {
        let size = model.size
        self.id = id
        self.model = model
        self.injection = injection
        self.selection = selection
        self.belief = model.prior
        self.scratch = [Double](repeating: 0, count: size.states)
        self.workspace = PlanningWorkspace(states: size.states, observations: size.observations)
        self.generator = Xoshiro256StarStar(seed: seed)
        let enumerated = Self.enumeratedPolicies(size)
        self.samplesPolicies = enumerated == nil
        self.policies = enumerated ?? [Int](repeating: 0, count: size.policiesPerStep * size.horizon)
        self.scores = [Double](repeating: 0, count: size.policiesPerStep)
        let extra = injection.extraDoubles(for: size)
        self.episodicMemory = (0..<extra).map { model.prior[$0 % size.states] }
    }

    /// The bytes this agent allocated for numbers: model, belief, scratch, planning buffers, injected memory.
    ///
    /// Counted from the actual buffer sizes (8 bytes per double or index), not estimated.
    public var allocatedBytes: Int {
        let doubles =
            model.allocatedDoubleCount + belief.count + scratch.count + workspace.doubleCount
            + scores.count + episodicMemory.count
        return doubles * MemoryLayout<Double>.stride + policies.count * MemoryLayout<Int>.stride
    }

    /// Updates the belief after taking `action` and then seeing `observation` (Bayes' rule in log space).
    ///
    /// - Parameters:
    ///   - observation: The observed symbol, in 0..<O.
    ///   - action: The action just taken, in 0..<U.
    /// - Complexity: O(S²), plus the injected fraction.
    public mutating func observe(_ observation: Int, after action: Int) {
        let size = model.size
        precondition((0..<size.observations).contains(observation), "observation \(observation) is out of range")
        precondition((0..<size.actions).contains(action), "action \(action) is out of range")
        model.withBuffers { buffers in
            belief.withUnsafeMutableBufferPointer { belief in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    BeliefUpdate.update(
                        model: buffers,
                        action: action,
                        observation: observation,
                        columnLimit: size.states,
                        belief: belief,
                        scratch: scratch
                    )
                }
            }
        }
        rememberBelief()
        repeatBeliefWork(observation: observation, action: action)
    }

    /// Scores policies by expected free energy from the current belief and chooses one.
    ///
    /// All Uᴴ policies are scored in index order when there are at most ``AgentModelSize/policyCap``;
    /// otherwise `policyCap` policies of H uniformly drawn actions are scored, in the order drawn. Ties in
    /// ``ActionSelection/minimum`` go to the first policy scored.
    /// - Complexity: O(P · H · (S² + O·S)), plus the injected fraction.
    public mutating func plan() -> AgentStep {
        fillPolicies()
        scorePolicies(count: scores.count, columnLimit: model.size.states, recordScores: true)
        let chosen = choosePolicy()
        let horizon = model.size.horizon
        let policy = Array(policies[(chosen * horizon)..<((chosen + 1) * horizon)])
        repeatPlanningWork()
        return AgentStep(
            action: policy[0],
            policy: policy,
            expectedFreeEnergy: scores[chosen],
            minimumExpectedFreeEnergy: scores.min() ?? 0,
            policiesEvaluated: scores.count
        )
    }

    /// Updates the belief from `observation` after `previousAction`, then plans: one full agent step.
    /// - Complexity: as ``observe(_:after:)`` plus ``plan()``.
    public mutating func step(observation: Int, previousAction: Int) -> AgentStep {
        observe(observation, after: previousAction)
        return plan()
    }
}
