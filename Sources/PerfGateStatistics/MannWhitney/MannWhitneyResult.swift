/// How a Mann–Whitney p-value was (or is to be) computed.
public enum MannWhitneyMethod: String, Sendable, Hashable {
    /// Exact: from the full null distribution of U (meant for samples without ties).
    case exact
    /// Normal approximation with tie correction and continuity correction.
    case asymptotic
}

/// The outcome of a Mann–Whitney U test.
public struct MannWhitneyResult: Sendable, Hashable {
    /// U of the candidate sample: pairs with candidate > baseline, ties counting one half.
    ///
    /// Always a multiple of ½ in [0, n₁·n₂]; equals `scipy.stats.mannwhitneyu(candidate, baseline).statistic`.
    public var u: Double
    /// The p-value for the requested alternative, in [0, 1].
    public var pValue: Double
    /// The method that produced `pValue`.
    public var method: MannWhitneyMethod

    /// Creates a result from its parts.
    public init(u: Double, pValue: Double, method: MannWhitneyMethod) {
        self.u = u
        self.pValue = pValue
        self.method = method
    }
}
