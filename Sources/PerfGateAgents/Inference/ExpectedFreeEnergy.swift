/// Expected free energy of policies, the quantity an active-inference agent minimises to choose actions.
///
/// For a policy π = (u₁, …, u_H) and the current belief q₀, the predicted states and observations are
/// `q_τ = B_{u_τ} · q_{τ−1}` and `q(o)_τ = A · q_τ`, and
///
///     G(π) = Σ_{τ=1…H} [ KL(q(o)_τ ‖ softmax(C))  +  Σ_s q_τ(s) · H(A[:, s]) ]
///                          risk                       ambiguity
///
/// where `H(A[:, s]) = −Σ_o A[o, s] log A[o, s]`. Low risk means the policy is expected to produce
/// preferred observations; low ambiguity means it leads to states whose observations are informative.
/// References: Friston et al., "Active inference: a process theory", Neural Computation 29(1), 2017
/// (eq. for G as risk + ambiguity); pymdp's `control.calc_expected_utility`/`calc_states_info_gain`
/// (<https://pymdp-rtd.readthedocs.io>). This form omits pymdp's parameter information gain.
public enum ExpectedFreeEnergy {
    /// The risk and ambiguity of one policy, summed over its horizon; `total` is G.
    public struct Terms: Sendable, Hashable {
        /// Σ_τ KL(q(o)_τ ‖ softmax(C)), in nats.
        public var risk: Double
        /// Σ_τ E_{q_τ(s)}[H(A[:, s])], in nats.
        public var ambiguity: Double
        /// G = risk + ambiguity.
        public var total: Double { risk + ambiguity }
    }

    /// The actions of policy number `index` when all Uᴴ policies are enumerated.
    ///
    /// The index is read as H base-U digits, first action most significant: with U = 3 and H = 2,
    /// index 5 is (1, 2). Traps if `index` is outside 0..<Uᴴ.
    /// - Complexity: O(H).
    public static func policyActions(index: Int, actions: Int, horizon: Int) -> [Int] {
        precondition(index >= 0, "policy index must not be negative")
        var remainder = index
        var result = [Int](repeating: 0, count: horizon)
        for step in (0..<horizon).reversed() {
            result[step] = remainder % actions
            remainder /= actions
        }
        precondition(remainder == 0, "policy index \(index) is out of range for U=\(actions), H=\(horizon)")
        return result
    }

    /// The expected free energy of `policy` from `belief` under `model`.
    ///
    /// - Parameters:
    ///   - policy: The actions, one per step (any length; each in 0..<U).
    ///   - belief: The current belief q₀, length S.
    ///   - model: The generative model.
    /// - Complexity: O(H · (S² + O·S)).
    public static func evaluate(policy: [Int], belief: [Double], model: GenerativeModel) -> Terms {
        let states = model.size.states
        precondition(belief.count == states, "belief must have one entry per state")
        var workspace = PlanningWorkspace(states: states, observations: model.size.observations)
        return model.withBuffers { buffers in
            belief.withUnsafeBufferPointer { belief in
                policy.withUnsafeBufferPointer { policy in
                    workspace.evaluate(policy: policy, columnLimit: states, from: belief, model: buffers)
                }
            }
        }
    }
}

/// Scratch vectors for scoring policies without allocating: two state vectors and one observation vector.
struct PlanningWorkspace: Sendable {
    private var current: [Double]
    private var next: [Double]
    private var predictedObservations: [Double]

    /// Creates the workspace for a model with `states` states and `observations` observations.
    init(states: Int, observations: Int) {
        current = [Double](repeating: 0, count: states)
        next = [Double](repeating: 0, count: states)
        predictedObservations = [Double](repeating: 0, count: observations)
    }

    /// The number of doubles the workspace holds.
    var doubleCount: Int { current.count + next.count + predictedObservations.count }

    /// Risk and ambiguity of `policy` from `belief`; `columnLimit` < S does partial (injected) work.
    /// - Complexity: O(H · (S · columnLimit + O·S)).
    mutating func evaluate(
        policy: UnsafeBufferPointer<Int>,
        columnLimit: Int,
        from belief: UnsafeBufferPointer<Double>,
        model: ModelBuffers
    ) -> ExpectedFreeEnergy.Terms {
        let states = model.states
        let observations = model.observations
        var terms = ExpectedFreeEnergy.Terms(risk: 0, ambiguity: 0)
        current.withUnsafeMutableBufferPointer { first in
            next.withUnsafeMutableBufferPointer { second in
                predictedObservations.withUnsafeMutableBufferPointer { predicted in
                    var current = first
                    var next = second
                    for state in 0..<states { current[state] = belief[state] }
                    for action in policy {
                        Kernels.multiply(
                            matrix: model.transitions,
                            offset: model.transitionOffset(action: action),
                            rows: states,
                            columnLimit: columnLimit,
                            vector: UnsafeBufferPointer(current),
                            into: next
                        )
                        swap(&current, &next)
                        Kernels.multiply(
                            matrix: model.likelihood,
                            offset: 0,
                            rows: observations,
                            columnLimit: states,
                            vector: UnsafeBufferPointer(current),
                            into: predicted
                        )
                        terms.risk += Kernels.divergence(
                            UnsafeBufferPointer(predicted),
                            logPreferred: model.logPreferredObservations,
                            count: observations
                        )
                        terms.ambiguity += Kernels.dot(
                            UnsafeBufferPointer(current),
                            model.ambiguityPerState,
                            count: states
                        )
                    }
                }
            }
        }
        return terms
    }
}
