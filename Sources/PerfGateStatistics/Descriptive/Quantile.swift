/// Sample quantiles, Hyndman–Fan type 7 (namespace).
///
/// Type 7 is linear interpolation between the closest ranks: with the sample sorted ascending as
/// x₀ ≤ … ≤ xₙ₋₁ and h = (n − 1)·p, Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). It is the default of
/// numpy (`np.quantile(..., method="linear")`, `np.percentile` with p·100) and of R's `quantile`.
/// Reference: Hyndman & Fan, "Sample quantiles in statistical packages", The American Statistician
/// 50, 1996. The interpolation is numpy's `_lerp` (a + (b − a)·g below g = ½, b − (b − a)·(1 − g)
/// from ½ on), so results match numpy to the last bit in the golden tests (checked to 1e−12 relative).
public enum Quantile {
    /// The type-7 quantile at probability `p` of an already sorted sample.
    /// - Parameters:
    ///   - p: The probability, 0 ≤ p ≤ 1 (0.95 for the 95th percentile).
    ///   - sorted: The sample in ascending order; not empty, no NaN (not checked).
    /// - Returns: The minimum for p = 0, the maximum for p = 1, the only value for one sample.
    /// - Precondition: `sorted` is not empty and 0 ≤ p ≤ 1.
    /// - Complexity: O(1).
    public static func type7(_ p: Double, ofSorted sorted: [Double]) -> Double {
        precondition(!sorted.isEmpty, "a quantile of an empty sample is undefined")
        precondition(p >= 0 && p <= 1, "quantile probability must be in [0, 1], got \(p)")
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        if lower >= sorted.count - 1 { return sorted[sorted.count - 1] }
        let g = h - Double(lower)
        let a = sorted[lower]
        let b = sorted[lower + 1]
        let difference = b - a
        return g >= 0.5 ? b - difference * (1 - g) : a + difference * g
    }

    /// The type-7 quantile at probability `p` of a sample in any order (sorts a copy).
    /// - Precondition: `values` is not empty and has no NaN; 0 ≤ p ≤ 1.
    /// - Complexity: O(n) for n ≥ 2,048 (radix sort), O(n log n) below.
    public static func type7(_ p: Double, of values: [Double]) -> Double {
        type7(p, ofSorted: Sorting.sorted(values))
    }
}
