// Public surface of PerfGateStatistics that the layers above code against.
// The statistics work replaces every body here with the real implementation
// (in files of its own) and deletes this file.

/// The alternative hypothesis of a two-sample test, stated for the candidate against the baseline.
public enum Alternative: String, Sendable, Hashable, CaseIterable {
    /// The candidate's distribution differs from the baseline's in either direction.
    case twoSided = "two-sided"
    /// The candidate tends to be smaller than the baseline.
    case less
    /// The candidate tends to be greater than the baseline.
    case greater
}

/// How a Mann–Whitney p-value was (or is to be) computed.
public enum MannWhitneyMethod: String, Sendable, Hashable {
    /// Exact: from the full null distribution of U (no ties).
    case exact
    /// Normal approximation with tie correction and continuity correction.
    case asymptotic
}

/// The outcome of a Mann–Whitney U test.
public struct MannWhitneyResult: Sendable, Hashable {
    /// U of the candidate sample: pairs with candidate > baseline, ties counting one half.
    public var u: Double
    /// The p-value for the requested alternative.
    public var pValue: Double
    /// The method that produced `pValue`.
    public var method: MannWhitneyMethod
    public init(u: Double, pValue: Double, method: MannWhitneyMethod) {
        self.u = u
        self.pValue = pValue
        self.method = method
    }
}

/// The Mann–Whitney U test (namespace).
public enum MannWhitneyU {
    /// Tests candidate against baseline; `method: nil` picks exact for samples without ties and
    /// n1·n2 ≤ 40,000, asymptotic otherwise.
    public static func test(
        candidate: [Double],
        baseline: [Double],
        alternative: Alternative = .twoSided,
        method: MannWhitneyMethod? = nil
    ) -> MannWhitneyResult { fatalError("PerfGateStatistics: not implemented yet") }

    /// The smallest two-sided p-value samples of these sizes can reach: 2 / C(n1 + n2, n1), at most 1.
    public static func smallestTwoSidedPValue(candidateCount: Int, baselineCount: Int) -> Double {
        fatalError("PerfGateStatistics: not implemented yet")
    }

    /// The smallest n such that n samples on each side can reach a two-sided p-value below `alpha`.
    public static func minimumSampleCount(toReach alpha: Double) -> Int {
        fatalError("PerfGateStatistics: not implemented yet")
    }
}

/// A Hodges–Lehmann shift estimate (candidate − baseline) with its distribution-free confidence interval.
public struct ShiftEstimate: Sendable, Hashable {
    public var estimate: Double
    public var low: Double
    public var high: Double
    /// The confidence level of [low, high], for example 0.99.
    public var confidence: Double
    public init(estimate: Double, low: Double, high: Double, confidence: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
        self.confidence = confidence
    }
}

/// The Hodges–Lehmann estimator (namespace).
public enum HodgesLehmann {
    /// The median of all candidate − baseline differences, with the Moses/Bauer confidence interval.
    public static func shift(candidate: [Double], baseline: [Double], confidence: Double) -> ShiftEstimate {
        fatalError("PerfGateStatistics: not implemented yet")
    }
}

/// Holm–Bonferroni adjusted p-values (namespace).
public enum HolmBonferroni {
    /// Adjusted p-values in the order of the input; monotone, capped at 1.
    public static func adjustedPValues(_ pValues: [Double]) -> [Double] {
        fatalError("PerfGateStatistics: not implemented yet")
    }
}
