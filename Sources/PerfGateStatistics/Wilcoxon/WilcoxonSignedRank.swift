/// The Wilcoxon signed-rank test of paired differences against a median of zero (namespace).
///
/// Reference: Wilcoxon, "Individual comparisons by ranking methods", Biometrics Bulletin 1, 1945;
/// Hollander, Wolfe & Chicken, "Nonparametric Statistical Methods", 3rd ed., 2014, §3.1. The
/// p-values are those of `scipy.stats.wilcoxon(d, zero_method="wilcox", correction=False,
/// alternative=…, method=…)` (scipy ≥ 1.13), which the golden tests check to 1e−9 relative.
///
/// PerfGate uses it on the per-round log-ratios of `bench ab` (base and head measured in
/// alternating blocks), where pairing each head block with its neighbouring base block removes the
/// machine's slow drift that pooling leaves in the samples.
public enum WilcoxonSignedRank {
    /// The largest number of non-zero differences for which `method: nil` chooses the exact method
    /// (scipy's limit for its automatic choice).
    public static let exactCountLimit = 50

    /// The largest number of non-zero differences for which `.exact` may be requested explicitly
    /// (the distribution has n(n + 1)/2 + 1 entries and takes O(n³) steps to build).
    public static let exactCountCeiling = 1_000

    /// Tests whether the differences are symmetric about zero.
    ///
    /// - Zeros are dropped (Wilcoxon's own treatment, scipy's `zero_method="wilcox"`); n is the
    ///   number of non-zero differences. The |d| are ranked with average ranks for ties.
    /// - Exact: P under the null that every sign is + or − with probability ½, from the
    ///   distribution of W⁺ over the 2ⁿ sign assignments. `.greater`: P(W ≥ ⌊W⁺⌋); `.less`:
    ///   P(W ≤ ⌈W⁺⌉); two-sided: min(1, 2·min of the two), as scipy does (with ties, which only an
    ///   explicit request allows, W⁺ may be a half-integer and is rounded that way).
    /// - Asymptotic: z = (W⁺ − n(n + 1)/4) / σ with σ² = (n(n + 1)(2n + 1) − Σ(t³ − t)/2) / 24, t the
    ///   sizes of tie groups of |d|, and p = 1 − Φ(z) (`.greater`), Φ(z) (`.less`), or
    ///   2·min(Φ(z), 1 − Φ(z)) (two-sided); no continuity correction.
    /// - `method: nil` chooses exact when there are no zeros, no tied magnitudes and
    ///   n ≤ 50 (`exactCountLimit`), asymptotic otherwise. (scipy's "auto" runs a permutation
    ///   test for n ≤ 13 with ties or zeros; PerfGate uses the normal approximation there.)
    /// - When every difference is zero (n = 0) nothing can be significant: W⁺ = 0 and p = 1
    ///   (scipy returns NaN).
    ///
    /// - Parameters:
    ///   - differences: The paired differences (for example log(head / base) per round); no NaN.
    ///   - alternative: The alternative about the differences' location: `.greater` means the
    ///     differences tend to be positive.
    ///   - method: The p-value method, or nil for the automatic choice.
    /// - Precondition: no NaN; with `method: .exact`, n ≤ 1,000 (`exactCountCeiling`).
    /// - Complexity: O(n log n) for the ranks; exact: O(n³) to build the distribution (n ≤ 50: a
    ///   few microseconds).
    public static func test(
        differences: [Double],
        alternative: Alternative = .twoSided,
        method: WilcoxonMethod? = nil
    ) -> WilcoxonSignedRankResult {
        precondition(
            !differences.contains(where: \.isNaN),
            "the Wilcoxon signed-rank test needs differences without NaN"
        )
        let nonZero = differences.filter { $0 != 0 }
        let hasZeros = nonZero.count < differences.count
        let ranks = signedRanks(nonZero)
        let n = nonZero.count
        let chosen = method ?? (!hasZeros && !ranks.hasTies && n <= exactCountLimit ? .exact : .asymptotic)
        guard n > 0 else { return WilcoxonSignedRankResult(plusRankSum: 0, count: 0, pValue: 1, method: chosen) }
        let pValue: Double
        switch chosen {
        case .exact:
            precondition(n <= exactCountCeiling, "exact Wilcoxon supports n ≤ \(exactCountCeiling), got \(n)")
            pValue = exactPValue(plusRankSum: ranks.plusRankSum, count: n, alternative: alternative)
        case .asymptotic:
            pValue = asymptoticPValue(
                plusRankSum: ranks.plusRankSum,
                count: n,
                tieTerm: ranks.tieTerm,
                alternative: alternative
            )
        }
        return WilcoxonSignedRankResult(plusRankSum: ranks.plusRankSum, count: n, pValue: pValue, method: chosen)
    }

    /// The smallest two-sided p-value n non-zero differences allow: 2 / 2ⁿ (all signs alike), at most 1.
    public static func smallestTwoSidedPValue(count: Int) -> Double {
        precondition(count >= 0, "count must not be negative")
        return min(1, 2 / Double.pow2(count))
    }

    /// The fewest non-zero differences whose smallest two-sided p-value is below `alpha`.
    /// - Precondition: 0 < alpha.
    public static func minimumCount(toReach alpha: Double) -> Int {
        precondition(alpha > 0, "alpha must be positive")
        var n = 1
        while smallestTwoSidedPValue(count: n) >= alpha { n += 1 }
        return n
    }

    /// W⁺, whether magnitudes tie, and Σ(t³ − t) over tie groups, for non-zero differences.
    static func signedRanks(_ differences: [Double]) -> (plusRankSum: Double, hasTies: Bool, tieTerm: Double) {
        let order = differences.indices.sorted { abs(differences[$0]) < abs(differences[$1]) }
        var plus = 0.0
        var tieTerm = 0.0
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && abs(differences[order[end]]) == abs(differences[order[start]]) { end += 1 }
            // Ranks start+1 … end share their average.
            let averageRank = Double(start + 1 + end) / 2
            for position in start..<end where differences[order[position]] > 0 { plus += averageRank }
            let t = Double(end - start)
            tieTerm += t * t * t - t
            start = end
        }
        return (plus, tieTerm > 0, tieTerm)
    }

    /// The exact p-value (scipy's `method="exact"`).
    static func exactPValue(plusRankSum: Double, count n: Int, alternative: Alternative) -> Double {
        let distribution = WilcoxonNullDistribution(count: n)
        let upper = distribution.survival(Int(plusRankSum.rounded(.down)))
        let lower = distribution.cdf(Int(plusRankSum.rounded(.up)))
        switch alternative {
        case .greater: return upper
        case .less: return lower
        case .twoSided: return min(1, max(0, 2 * min(upper, lower)))
        }
    }

    /// The asymptotic p-value (scipy's `method="asymptotic"`, `correction=False`).
    static func asymptoticPValue(plusRankSum: Double, count: Int, tieTerm: Double, alternative: Alternative) -> Double {
        let n = Double(count)
        let mean = n * (n + 1) * 0.25
        let variance = n * (n + 1) * (2 * n + 1)
        let sigma = ((variance - tieTerm / 2) / 24).squareRoot()
        guard sigma > 0 else { return 1 }
        let z = (plusRankSum - mean) / sigma
        switch alternative {
        case .greater: return StandardNormal.survival(z)
        case .less: return StandardNormal.cdf(z)
        case .twoSided: return min(1, 2 * min(StandardNormal.cdf(z), StandardNormal.survival(z)))
        }
    }
}

extension Double {
    /// 2ⁿ for n ≥ 0 (infinity past the exponent range).
    fileprivate static func pow2(_ n: Int) -> Double {
        n > 1023 ? .infinity : Double(sign: .plus, exponent: n, significand: 1)
    }
}
