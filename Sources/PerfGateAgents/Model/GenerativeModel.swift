/// The generative model of a discrete active-inference agent (a POMDP in the style of pymdp), stored flat.
///
/// Every array is one contiguous `[Double]`; the layouts are:
/// - `likelihood` (A, O×S, column-major): `A[o, s]` is at `s * O + o`, so column s (the distribution of
///   observations in state s) is contiguous and sums to 1.
/// - `transitions` (B, U matrices of S×S, column-major): `B_u[next, s]` is at `(u * S + s) * S + next`, so
///   column s of action u (the distribution of the next state) is contiguous and sums to 1.
/// - `preferences` (C, length O): log preferences over observations (any real numbers).
/// - `prior` (D, length S): the initial belief over hidden states; sums to 1.
///
/// Derived arrays, computed once at creation so planning does no repeated logarithms:
/// - `logLikelihoodRows` (O×S, row-major): `log max(A[o, s], ε)` at `o * S + s`, so the row used by a belief
///   update is contiguous.
/// - `ambiguityPerState` (length S): the entropy `H(A[:, s]) = −Σ_o A[o, s] log A[o, s]` of each column.
/// - `logPreferredObservations` (length O): `log softmax(C)`.
///
/// ε is ``LogSpace/probabilityFloor`` (1e-16, pymdp's `EPS_VAL`); it keeps zeros finite in log space.
/// The model is immutable once made: agents share nothing, but copying a model copies no buffer.
public struct GenerativeModel: Sendable {
    /// The dimensions (states, observations, actions, horizon, policy cap).
    public let size: AgentModelSize
    /// A: observation likelihood, O×S column-major (column s sums to 1).
    public let likelihood: [Double]
    /// B: one column-major S×S transition matrix per action (each column sums to 1).
    public let transitions: [Double]
    /// C: log preferences over observations, length O.
    public let preferences: [Double]
    /// D: the prior over hidden states, length S (sums to 1).
    public let prior: [Double]
    /// `log max(A, ε)` in row-major order (row o contiguous), derived from A.
    public let logLikelihoodRows: [Double]
    /// The entropy of each column of A, in nats, derived from A.
    public let ambiguityPerState: [Double]
    /// `log softmax(C)`, derived from C.
    public let logPreferredObservations: [Double]

    /// Creates a model from its four arrays, checking shapes and that every distribution sums to 1.
    ///
    /// - Throws: ``GenerativeModelError`` naming the array and column that is wrong.
    /// - Complexity: O(U·S² + O·S).
    public init(
        size: AgentModelSize,
        likelihood: [Double],
        transitions: [Double],
        preferences: [Double],
        prior: [Double]
    ) throws(GenerativeModelError) {
        let states = size.states
        let observations = size.observations
        try Self.checkColumns(likelihood, name: "A", rows: observations, columns: states)
        try Self.checkColumns(transitions, name: "B", rows: states, columns: size.actions * states)
        try Self.checkColumns(prior, name: "D", rows: states, columns: 1)
        guard preferences.count == observations, preferences.allSatisfy(\.isFinite) else {
            throw .invalidArray(name: "C", detail: "expected \(observations) finite numbers")
        }
        self.size = size
        self.likelihood = likelihood
        self.transitions = transitions
        self.preferences = preferences
        self.prior = prior
        self.logLikelihoodRows = Self.makeLogRows(likelihood, observations: observations, states: states)
        self.ambiguityPerState = Self.makeColumnEntropies(likelihood, observations: observations, states: states)
        self.logPreferredObservations = LogSpace.logSoftmax(preferences)
    }

    /// The number of doubles actually held by this model's arrays (equals `size.modelDoubleCount`).
    public var allocatedDoubleCount: Int {
        likelihood.count + transitions.count + preferences.count + prior.count + logLikelihoodRows.count
            + ambiguityPerState.count + logPreferredObservations.count
    }

    private static func checkColumns(
        _ values: [Double],
        name: String,
        rows: Int,
        columns: Int
    ) throws(GenerativeModelError) {
        guard values.count == rows * columns else {
            throw .invalidArray(name: name, detail: "expected \(rows * columns) numbers, found \(values.count)")
        }
        for column in 0..<columns {
            var sum = 0.0
            for row in 0..<rows {
                let value = values[column * rows + row]
                guard value.isFinite, value >= 0 else {
                    throw .invalidArray(name: name, detail: "column \(column) has a negative or non-finite entry")
                }
                sum += value
            }
            guard abs(sum - 1) <= 1e-9 else {
                throw .invalidArray(name: name, detail: "column \(column) sums to \(sum), not 1")
            }
        }
    }

    private static func makeLogRows(_ likelihood: [Double], observations: Int, states: Int) -> [Double] {
        var rows = [Double](repeating: 0, count: observations * states)
        for state in 0..<states {
            for observation in 0..<observations {
                rows[observation * states + state] = LogSpace.flooredLog(likelihood[state * observations + observation])
            }
        }
        return rows
    }

    private static func makeColumnEntropies(_ likelihood: [Double], observations: Int, states: Int) -> [Double] {
        (0..<states).map { state in
            var entropy = 0.0
            for observation in 0..<observations {
                let p = likelihood[state * observations + observation]
                if p > 0 { entropy -= p * LogSpace.naturalLog(p) }
            }
            return entropy
        }
    }
}

/// A generative model whose arrays have the wrong shape or are not probability distributions.
public enum GenerativeModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The named array (A, B, C or D) is wrong in the way `detail` says.
    case invalidArray(name: String, detail: String)

    /// One line naming the array and what to fix.
    public var description: String {
        switch self {
        case .invalidArray(let name, let detail):
            "generative model array \(name) is invalid: \(detail); give distributions that sum to 1"
        }
    }
}
