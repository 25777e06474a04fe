/// The Mann–Whitney U test (Wilcoxon rank-sum test) of a candidate sample against a baseline
/// sample (namespace).
///
/// Reference: Mann & Whitney, "On a test of whether one of two random variables is stochastically
/// larger than the other", Ann. Math. Statist. 18, 1947; Hollander, Wolfe & Chicken,
/// "Nonparametric Statistical Methods", 3rd ed., 2014, §4.1. The p-values are those of
/// `scipy.stats.mannwhitneyu(candidate, baseline, alternative=…, method=…)` (scipy ≥ 1.7), which the
/// golden tests check to 1e−9 relative.
public enum MannWhitneyU {
    /// The largest n₁·n₂ for which `method: nil` chooses the exact method (samples without ties).
    public static let exactPairLimit = 40_000

    /// The largest n₁·n₂ for which `method: .exact` may be requested explicitly (about a second and
    /// 4 MB to build the distribution at 1,000 × 1,000).
    public static let exactPairCeiling = 1_000_000

    /// Tests candidate against baseline.
    ///
    /// - U is the candidate's: the number of (candidate, baseline) pairs with candidate > baseline,
    ///   ties counting ½ (scipy's `statistic`, U₁ = R₁ − n₁(n₁+1)/2 with average ranks).
    /// - Exact: p from the null distribution of U with all C(n₁+n₂, n₁) arrangements equally likely:
    ///   `.greater` P(U ≥ U₁), `.less` P(U ≥ U₂) with U₂ = n₁n₂ − U₁, two-sided
    ///   min(1, 2·P(U ≥ max(U₁, U₂))). With ties (only when asked for explicitly) the U used in
    ///   the tail is rounded down to an integer and no tie correction is made, exactly as scipy does.
    /// - Asymptotic: z = (U − n₁n₂/2 − ½) / σ with
    ///   σ² = n₁n₂/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))), n = n₁ + n₂, t the sizes of tie groups,
    ///   U as in the exact case, and p = 1 − Φ(z) (doubled and capped at 1 when two-sided). When every
    ///   value is tied, σ = 0 and p = 1.
    /// - `method: nil` chooses exact when the pooled sample has no ties and n₁·n₂ ≤ 40,000
    ///   (`exactPairLimit`), asymptotic otherwise. This is PerfGate's contract; scipy's own "auto"
    ///   differs (it goes exact only when a sample has at most 8 values).
    /// - Exact null distributions are built once per size pair and kept in a bounded cache.
    ///
    /// - Parameters:
    ///   - candidate: The candidate sample; at least one value, no NaN (infinities are ordinary values).
    ///   - baseline: The baseline sample; at least one value, no NaN.
    ///   - alternative: The alternative hypothesis about the candidate.
    ///   - method: The p-value method, or nil for the automatic choice.
    /// - Precondition: both samples non-empty, no NaN; with `method: .exact`, n₁·n₂ ≤ 1,000,000
    ///   (`exactPairCeiling`: the distribution needs n₁·n₂/2 Doubles and min(n₁,n₂)·n₁·n₂ steps).
    /// - Complexity: O(n log n) for n < 2,048 per side and O(n) above (radix sort of the keys), plus
    ///   one merge walk; exact: O(1) on a cache hit, O(min(n₁,n₂)·n₁·n₂) to build the distribution.
    ///   One temporary buffer of n₁ + n₂ keys: on the stack up to 128 keys (1 KB, the most the
    ///   standard library places on the stack unconditionally), so such a comparison allocates
    ///   nothing once its null distribution is cached; above, one heap allocation of 2(n₁ + n₂)
    ///   keys, half of it scratch for the bucket sort (checked with valgrind: 0 allocations per
    ///   call at 30 vs 30, 1 at 100 vs 100).
    public static func test(
        candidate: [Double],
        baseline: [Double],
        alternative: Alternative = .twoSided,
        method: MannWhitneyMethod? = nil
    ) -> MannWhitneyResult {
        precondition(!candidate.isEmpty && !baseline.isEmpty, "Mann–Whitney U needs at least one sample on each side")
        let ranks = rankStatistics(candidate: candidate, baseline: baseline)
        let n1 = candidate.count
        let n2 = baseline.count
        let chosen = method ?? (!ranks.hasTies && n1 * n2 <= exactPairLimit ? .exact : .asymptotic)
        let pValue: Double
        switch chosen {
        case .exact:
            precondition(
                n1 * n2 <= exactPairCeiling,
                "exact Mann–Whitney supports n₁·n₂ ≤ \(exactPairCeiling), got \(n1)×\(n2); use the asymptotic method"
            )
            pValue = exactPValue(u: ranks.u, n1, n2, alternative: alternative)
        case .asymptotic:
            pValue = asymptoticPValue(u: ranks.u, n1, n2, tieTerm: ranks.tieTerm, alternative: alternative)
        }
        return MannWhitneyResult(u: ranks.u, pValue: pValue, method: chosen)
    }

    /// U of the candidate and the tie term, from one sort of each sample (as keys) and a merge walk.
    static func rankStatistics(candidate: [Double], baseline: [Double]) -> RankStatistics {
        let count = candidate.count + baseline.count
        // Small samples keep their keys on the stack; larger ones on the heap. (Above 1 KB
        // `withUnsafeTemporaryAllocation` asks the runtime whether the stack has room, and large
        // dynamic stack allocations corrupted the stack in optimized builds, Swift 6.3.1 on Linux.)
        if count <= smallSampleKeyLimit {
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { keys in
                rankStatistics(candidate: candidate, baseline: baseline, keys: keys, scratch: nil)
            }
        }
        // The keys and the sort's scratch space in one allocation.
        let buffer = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 2 * count)
        defer { buffer.deallocate() }
        return rankStatistics(
            candidate: candidate,
            baseline: baseline,
            keys: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]),
            scratch: buffer.baseAddress.map { $0 + count }
        )
    }

    /// The most keys (8 bytes each) `rankStatistics` places on the stack.
    private static let smallSampleKeyLimit = 128

    private static func rankStatistics(
        candidate: [Double],
        baseline: [Double],
        keys: UnsafeMutableBufferPointer<UInt64>,
        scratch: UnsafeMutablePointer<UInt64>?
    ) -> RankStatistics {
        let n1 = candidate.count
        let first = UnsafeMutableBufferPointer(rebasing: keys[0..<n1])
        let second = UnsafeMutableBufferPointer(rebasing: keys[n1...])
        Sorting.fillKeys(first, from: candidate)
        Sorting.fillKeys(second, from: baseline)
        Sorting.sortKeys(first, scratch: scratch)
        Sorting.sortKeys(second, scratch: scratch)
        return RankStatistics(sortedFirst: UnsafeBufferPointer(first), sortedSecond: UnsafeBufferPointer(second))
    }

    /// The statistic whose upper tail is the p-value, and the factor (2 when two-sided).
    private static func tailStatistic(u: Double, pairCount: Double, alternative: Alternative) -> (Double, Double) {
        switch alternative {
        case .greater: (u, 1)
        case .less: (pairCount - u, 1)
        case .twoSided: (max(u, pairCount - u), 2)
        }
    }

    /// The exact p-value (scipy's `method="exact"`).
    static func exactPValue(u: Double, _ n1: Int, _ n2: Int, alternative: Alternative) -> Double {
        let (statistic, factor) = tailStatistic(u: u, pairCount: Double(n1 * n2), alternative: alternative)
        let distribution = NullDistributionCache.shared.distribution(n1, n2)
        // scipy truncates a half-integer U (ties) to an integer before reading the tail.
        let tail = distribution.survival(Int(statistic.rounded(.down)))
        return min(1, max(0, factor * tail))
    }

    /// The asymptotic p-value (scipy's `method="asymptotic"`, `use_continuity=True`).
    static func asymptoticPValue(
        u: Double,
        _ n1: Int,
        _ n2: Int,
        tieTerm: Double,
        alternative: Alternative
    ) -> Double {
        let pairCount = Double(n1) * Double(n2)
        let (statistic, factor) = tailStatistic(u: u, pairCount: pairCount, alternative: alternative)
        let n = Double(n1 + n2)
        // The same association of operations as scipy's `_get_mwu_z`, for bit-level agreement.
        let sigma = (pairCount / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
        // σ = 0 only when every value is tied (then U = n₁n₂/2 and scipy's z is −∞, p = 1); rounding
        // of a huge tie term can make the radicand slightly negative instead, so test for "not > 0".
        guard sigma > 0 else { return 1 }
        let z = (statistic - pairCount / 2 - 0.5) / sigma
        return min(1, max(0, factor * StandardNormal.survival(z)))
    }
}
