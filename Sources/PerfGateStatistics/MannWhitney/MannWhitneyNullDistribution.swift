/// The exact null distribution of the Mann–Whitney U statistic for samples of sizes n₁ and n₂
/// without ties: all C(n₁+n₂, n₁) rank arrangements equally likely.
///
/// The frequencies are the coefficients of the Gaussian binomial coefficient
/// [n₁+n₂ choose n₁]_q = ∏ᵢ₌₁..ₘ (1 − q^(n+i)) / (1 − q^i), with m = min(n₁, n₂), n = max(n₁, n₂)
/// (Andrews, "The Theory of Partitions", 1976, Thm 3.1; used for U by Harding, "An efficient,
/// minimal-storage procedure for calculating the Mann–Whitney U, generalized Kruskal–Wallis and
/// Friedman statistics", Applied Statistics 33, 1984). Factor i is applied as a multiplication by
/// (1 − q^(n+i)) followed by a division by (1 − q^i) (a running sum); after each factor the array
/// is scaled by i/(n+i) = C(n+i−1, i−1)/C(n+i, i), so it always holds probabilities and never
/// overflows, whatever the sizes. Only the lower half u ≤ ⌊m·n/2⌋ is kept: the distribution is
/// symmetric about m·n/2 and the recurrences only look downwards.
///
/// Accuracy: checked in Python against exact big-integer counts at 200×200, 100×400 and 20×2000
/// (worst relative error of any probability 2e−12), and in the tests against scipy's exact
/// `mannwhitneyu` p-values (which agree with the big-integer counts to 2e−13) to 1e−9 relative.
///
/// - Complexity: O(m · m·n) time and O(m·n) memory to build; O(1) per query.
struct MannWhitneyNullDistribution: Sendable {
    /// min(n₁, n₂).
    let smallerCount: Int
    /// max(n₁, n₂).
    let largerCount: Int
    /// P(U ≤ u) for u = 0 … ⌊m·n/2⌋.
    let lowerCDF: [Double]

    /// m·n, the largest value of U.
    var pairCount: Int { smallerCount * largerCount }

    /// Builds the distribution for sample sizes `firstCount` and `secondCount` (order irrelevant).
    /// - Precondition: both counts ≥ 1.
    init(_ firstCount: Int, _ secondCount: Int) {
        precondition(firstCount >= 1 && secondCount >= 1, "Mann–Whitney needs at least one sample on each side")
        let m = min(firstCount, secondCount)
        let n = max(firstCount, secondCount)
        smallerCount = m
        largerCount = n
        let half = m * n / 2
        var pmf = [Double](repeating: 0, count: half + 1)
        pmf[0] = 1
        pmf.withUnsafeMutableBufferPointer { pmf in
            for i in 1...m {
                Self.applyFactor(i, largerCount: n, to: pmf)
            }
        }
        lowerCDF = Self.normalizedCumulativeSum(pmf, pairCount: m * n)
    }

    /// Multiplies the truncated polynomial by (1 − q^(n+i)) · i/(n+i), then divides it by (1 − q^i).
    @inline(__always)
    private static func applyFactor(_ i: Int, largerCount n: Int, to pmf: UnsafeMutableBufferPointer<Double>) {
        let half = pmf.count - 1
        let shift = n + i
        let scale = Double(i) / Double(n + i)
        // Downwards, so pmf[u − shift] is still the old value when pmf[u] reads it.
        var u = half
        while u >= shift {
            pmf[u] = (pmf[u] - pmf[u - shift]) * scale
            u -= 1
        }
        while u >= 0 {
            pmf[u] *= scale
            u -= 1
        }
        // Upwards: the running sum that divides by (1 − q^i).
        if i <= half {
            for v in i...half {
                pmf[v] += pmf[v - i]
            }
        }
    }

    /// The cumulative sum of the lower half, divided by the total mass it implies (which is 1 up to
    /// rounding), so the accumulated rounding of the recurrence does not bias the tails.
    private static func normalizedCumulativeSum(_ pmf: [Double], pairCount: Int) -> [Double] {
        var cdf = pmf
        var running = 0.0
        for index in cdf.indices {
            running += cdf[index]
            cdf[index] = running
        }
        let half = pmf.count - 1
        // Mass of the full range: both halves, minus the middle term once when m·n is even.
        let total = 2 * running - (pairCount % 2 == 0 ? pmf[half] : 0)
        for index in cdf.indices {
            cdf[index] /= total
        }
        return cdf
    }

    /// P(U ≤ u) under the null hypothesis.
    /// - Complexity: O(1).
    func cdf(_ u: Int) -> Double {
        if u < 0 { return 0 }
        if u >= pairCount { return 1 }
        if u < lowerCDF.count { return lowerCDF[u] }
        // Symmetry: P(U ≤ u) = 1 − P(U ≥ u + 1) = 1 − P(U ≤ m·n − u − 1).
        return 1 - lowerCDF[pairCount - u - 1]
    }

    /// P(U ≥ u) under the null hypothesis (the mass at u included).
    ///
    /// For u ≥ m·n/2 this is P(U ≤ m·n − u), read directly from the lower half, so upper-tail
    /// p-values keep full relative precision; below the middle it is 1 − P(U ≤ u − 1), as scipy's
    /// `_MWU.sf` computes it.
    /// - Complexity: O(1).
    func survival(_ u: Int) -> Double {
        if u <= 0 { return 1 }
        if u > pairCount { return 0 }
        let mirrored = pairCount - u
        if mirrored < lowerCDF.count { return lowerCDF[mirrored] }
        return 1 - lowerCDF[u - 1]
    }
}
