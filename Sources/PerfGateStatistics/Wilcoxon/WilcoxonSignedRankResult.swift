/// How a Wilcoxon signed-rank p-value was (or is to be) computed.
public enum WilcoxonMethod: String, Sendable, Hashable {
    /// Exact: from the null distribution of W⁺ over all 2ⁿ sign assignments (meant for
    /// differences without zeros or tied magnitudes).
    case exact
    /// Normal approximation with the tie correction, without continuity correction.
    case asymptotic
}

/// The outcome of a Wilcoxon signed-rank test.
public struct WilcoxonSignedRankResult: Sendable, Hashable {
    /// W⁺: the sum of the (average) ranks of |d| over the positive differences d, zeros dropped.
    ///
    /// A multiple of ½ in [0, n(n + 1)/2]. (scipy reports min(W⁺, W⁻) for the two-sided test and
    /// W⁺ for the one-sided ones; PerfGate always reports W⁺ so that its direction is visible.)
    public var plusRankSum: Double
    /// The differences that took part: the non-zero ones.
    public var count: Int
    /// The p-value for the requested alternative, in [0, 1].
    public var pValue: Double
    /// The method that produced `pValue`.
    public var method: WilcoxonMethod

    /// Creates a result from its parts.
    public init(plusRankSum: Double, count: Int, pValue: Double, method: WilcoxonMethod) {
        self.plusRankSum = plusRankSum
        self.count = count
        self.pValue = pValue
        self.method = method
    }
}
