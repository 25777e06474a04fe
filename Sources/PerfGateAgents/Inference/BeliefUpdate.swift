/// Bayesian belief updating over hidden states, in log space (the state-inference step of pymdp's agent).
///
/// One update, after taking action u and then observing o:
///
///     log q(s) = log (B_u · q_prev)(s) + log A[o, s]
///     q        = softmax(log q)             (normalised with log-sum-exp)
///
/// which is Bayes' rule with the predicted belief `B_u · q_prev` as prior and row o of A as likelihood.
/// Both logarithms are floored at 1e-16 (see ``LogSpace``), so zeros in A or B never produce NaN and the
/// result always sums to 1. Reference: Friston et al., "Active inference: a process theory", Neural
/// Computation 29(1), 2017; pymdp's `update_posterior_states` (<https://pymdp-rtd.readthedocs.io>).
public enum BeliefUpdate {
    /// The predicted belief `B · q`: the distribution of the next state before any observation.
    ///
    /// - Parameters:
    ///   - belief: The current belief q, length S.
    ///   - transition: One S×S column-major transition matrix (`B[next, s]` at `s * S + next`).
    /// - Returns: `B · q`, length S (sums to 1 when q and B's columns do).
    /// - Complexity: O(S²).
    public static func predicted(belief: [Double], transition: [Double]) -> [Double] {
        let states = belief.count
        precondition(transition.count == states * states, "transition must be S×S for a belief of length S")
        var out = [Double](repeating: 0, count: states)
        transition.withUnsafeBufferPointer { matrix in
            belief.withUnsafeBufferPointer { vector in
                out.withUnsafeMutableBufferPointer { target in
                    Kernels.multiply(
                        matrix: matrix,
                        offset: 0,
                        rows: states,
                        columnLimit: states,
                        vector: vector,
                        into: target
                    )
                }
            }
        }
        return out
    }

    /// The posterior `softmax(log(B · q_prev) + log A[o, :])` after one transition and one observation.
    ///
    /// - Parameters:
    ///   - previous: The belief before the action, length S.
    ///   - transition: The S×S column-major matrix of the action taken.
    ///   - likelihoodRow: `A[o, s]` for the observed o and every s (probabilities, not logs), length S.
    /// - Returns: The normalised posterior, length S; finite and summing to 1 even if every likelihood is 0
    ///   (then it equals the predicted belief, since every state gets the same floored log-likelihood).
    /// - Complexity: O(S²).
    public static func posterior(previous: [Double], transition: [Double], likelihoodRow: [Double]) -> [Double] {
        precondition(likelihoodRow.count == previous.count, "likelihood row must have one entry per state")
        var logPosterior = predicted(belief: previous, transition: transition)
        for state in logPosterior.indices {
            logPosterior[state] = LogSpace.flooredLog(logPosterior[state]) + LogSpace.flooredLog(likelihoodRow[state])
        }
        return LogSpace.softmax(logPosterior)
    }

    /// The in-place update used by agents: writes the posterior into `belief`, using `scratch` (length S).
    ///
    /// `columnLimit` < S does only part of the prediction (injected extra work); a real update passes S.
    /// - Complexity: O(S · columnLimit).
    static func update(
        model: ModelBuffers,
        action: Int,
        observation: Int,
        columnLimit: Int,
        belief: UnsafeMutableBufferPointer<Double>,
        scratch: UnsafeMutableBufferPointer<Double>
    ) {
        let states = model.states
        Kernels.multiply(
            matrix: model.transitions,
            offset: model.transitionOffset(action: action),
            rows: states,
            columnLimit: columnLimit,
            vector: UnsafeBufferPointer(belief),
            into: scratch
        )
        let logRow = model.logLikelihoodRows.baseAddress! + observation * states  // Non-empty model array.
        for state in 0..<states { scratch[state] = LogSpace.flooredLog(scratch[state]) + logRow[state] }
        LogSpace.softmaxInPlace(scratch)
        for state in 0..<states { belief[state] = scratch[state] }
    }
}
