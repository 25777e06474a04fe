/// The Hodges–Lehmann estimator of the shift between two samples (namespace).
///
/// Reference: Hodges & Lehmann, "Estimates of location based on rank tests", Ann. Math. Statist. 34,
/// 1963; the interval is Moses' (in Walker & Lev, "Statistical Inference", 1953), see Bauer,
/// "Constructing confidence sets using rank statistics", JASA 67, 1972, and Hollander, Wolfe &
/// Chicken, "Nonparametric Statistical Methods", 3rd ed., 2014, §4.3.
public enum HodgesLehmann {
    /// The median of all candidate − baseline differences, with the Moses/Bauer confidence interval.
    ///
    /// Definitions, with D₍₁₎ ≤ … ≤ D₍N₎ the N = n·m differences cᵢ − bⱼ (as rounded Doubles):
    /// - estimate: the median of the Dₖ, the mean of the two middle ones when N is even
    ///   (`np.median(np.subtract.outer(candidate, baseline))`).
    /// - interval: [D₍k₎, D₍N+1−k₎] with α = 1 − confidence and
    ///   - n·m ≤ 40,000: k = 1 + max{u : P(U ≤ u) ≤ α/2}, P the exact null distribution of the
    ///     Mann–Whitney U for sizes (n, m) without ties; the coverage is then 1 − 2·P(U ≤ k − 1) ≥
    ///     confidence (R's `wilcox.test(conf.int = TRUE)` picks the same k);
    ///   - otherwise: k = ⌊n·m/2 + ½ − z·σ⌋ with z = Φ⁻¹(1 − α/2) and σ² = n·m(n + m + 1)/12, the same
    ///     rule with the normal approximation and continuity correction (no tie correction).
    ///   k is at least 1: when even the full range [D₍₁₎, D₍N₎] covers less than `confidence`
    ///   (tiny samples, 2/C(n+m, n) > α) the interval is that full range and `confidence` still
    ///   reports the level that was asked for.
    ///
    /// Tested against the same definitions written in numpy and scipy (`scripts/golden/generate.py`,
    /// with the full difference matrix) to 1e−12 relative, ties and 20,000 × 20,000 included.
    /// - Parameters:
    ///   - candidate: At least one finite value.
    ///   - baseline: At least one finite value.
    ///   - confidence: The confidence level, 0 < confidence < 1, for example 0.99.
    /// - Precondition: both samples non-empty and finite; 0 < confidence < 1.
    /// - Complexity: O(n + m) memory; O(n log n + m log m) to sort, then per order statistic (three
    ///   selections: the median, whose one selection gives both middle values, and each end)
    ///   typically three to six O(n + m) counting passes and an O(n + m) selection, at most
    ///   about 260 passes on adversarial input (see
    ///   `PairwiseDifferences`); with n·m ≤ 40,000 also the exact null distribution (cached, see
    ///   `MannWhitneyU`).
    public static func shift(candidate: [Double], baseline: [Double], confidence: Double) -> ShiftEstimate {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1), got \(confidence)")
        let differences = makeDifferences(candidate: candidate, baseline: baseline)
        let k = confidenceRank(candidate.count, baseline.count, confidence: confidence)
        let guide = DifferenceGuide(differences)
        return ShiftEstimate(
            estimate: differences.median(guide: guide),
            low: differences.kthSmallestAndNext(k, guide: guide).kth,
            high: differences.kthSmallestAndNext(differences.count + 1 - k, guide: guide).kth,
            confidence: confidence
        )
    }

    /// The median of all candidate − baseline differences alone (see `shift`).
    /// - Precondition: both samples non-empty and finite.
    /// - Complexity: O(n log n + m log m) and one selection (see `shift`), O(n + m) memory.
    public static func estimate(candidate: [Double], baseline: [Double]) -> Double {
        makeDifferences(candidate: candidate, baseline: baseline).median()
    }

    private static func makeDifferences(candidate: [Double], baseline: [Double]) -> PairwiseDifferences {
        precondition(!candidate.isEmpty && !baseline.isEmpty, "Hodges–Lehmann needs at least one sample on each side")
        precondition(candidate.allSatisfy(\.isFinite), "Hodges–Lehmann needs finite candidate values")
        precondition(baseline.allSatisfy(\.isFinite), "Hodges–Lehmann needs finite baseline values")
        return PairwiseDifferences(candidate: Sorting.sorted(candidate), baseline: Sorting.sorted(baseline))
    }

    /// The rank k of the interval's lower end (see `shift`), in 1…⌈n·m/2⌉.
    /// - Complexity: O(log(n·m)) after the cached null distribution when n·m ≤ 40,000, else O(1).
    static func confidenceRank(_ n: Int, _ m: Int, confidence: Double) -> Int {
        let halfAlpha = (1 - confidence) / 2
        if n * m <= MannWhitneyU.exactPairLimit {
            let lowerCDF = NullDistributionCache.shared.distribution(n, m).lowerCDF
            // The number of u with P(U ≤ u) ≤ α/2 (a prefix, the CDF rises), found by bisection.
            var low = 0
            var high = lowerCDF.count
            while low < high {
                let middle = (low + high) / 2
                if lowerCDF[middle] <= halfAlpha { low = middle + 1 } else { high = middle }
            }
            return max(1, low)
        }
        let pairs = Double(n) * Double(m)
        let z = -StandardNormal.quantile(halfAlpha)
        let sigma = (pairs * Double(n + m + 1) / 12).squareRoot()
        let k = (pairs / 2 + 0.5 - z * sigma).rounded(.down)
        return max(1, Int(k))
    }
}
