/// Descriptive statistics of one sample (namespace).
///
/// Every function requires a non-empty sample without NaN and traps with a message otherwise:
/// callers validate their input (an empty sample is a bug in the caller, not a recoverable error).
/// The golden tests check each against numpy (`np.mean`, `np.std(ddof=1)`, `np.median`) to 1e−12
/// relative.
public enum Descriptive {
    /// The arithmetic mean Σx/n, summed with Neumaier's compensated summation so the result does not
    /// depend on the order or the magnitude spread of the values (numpy uses pairwise summation; both
    /// are within a few ulps of the exact mean).
    /// Reference: Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
    /// ZAMM 54, 1974.
    /// - Precondition: `values` is not empty.
    /// - Complexity: O(n).
    public static func mean(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "the mean of an empty sample is undefined")
        return compensatedSum(values) / Double(values.count)
    }

    /// The geometric mean exp(Σ ln x / n) of positive values.
    /// - Precondition: `values` is not empty and every value is positive.
    /// - Complexity: O(n).
    public static func geometricMean(_ values: [Double]) -> Double {
        precondition(values.allSatisfy { $0 > 0 }, "the geometric mean needs positive values")
        return LibM.exp(mean(values.map { LibM.log($0) }))
    }

    /// The sample standard deviation with Bessel's correction, √(Σ(x − x̄)²/(n − 1)), two-pass;
    /// 0 for a single value (`np.std(values, ddof=1)`, except that numpy gives NaN for one value).
    /// - Precondition: `values` is not empty.
    /// - Complexity: O(n).
    public static func standardDeviation(_ values: [Double]) -> Double {
        standardDeviation(values, mean: mean(values))
    }

    /// The sample standard deviation around a known mean `mean` (see `standardDeviation(_:)`).
    static func standardDeviation(_ values: [Double], mean: Double) -> Double {
        precondition(!values.isEmpty, "the standard deviation of an empty sample is undefined")
        if values.count == 1 { return 0 }
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let square = (value - mean) * (value - mean)
            let total = sum + square
            compensation += abs(sum) >= square ? (sum - total) + square : (square - total) + sum
            sum = total
        }
        return ((sum + compensation) / Double(values.count - 1)).squareRoot()
    }

    /// The median: the middle value, or the mean (a + b)/2 of the two middle values (`np.median`).
    ///
    /// Mathematically the type-7 quantile at ½; computed as numpy's `median` does rather than with the
    /// interpolation of `Quantile.type7`, which can differ from it in the last bit.
    /// - Precondition: `values` is not empty, no NaN.
    /// - Complexity: O(n) for n ≥ 2,048 (radix sort), O(n log n) below.
    public static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "the median of an empty sample is undefined")
        let sorted = Sorting.sorted(values)
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median absolute deviation median(|x − median(x)|), unscaled (in the unit of the values).
    ///
    /// For a consistent estimator of the standard deviation of normal data, multiply by 1.4826 or use
    /// `scaledMedianAbsoluteDeviation`. Equals `scipy.stats.median_abs_deviation(values)` (scale 1).
    /// Reference: Hampel, "The influence curve and its role in robust estimation", JASA 69, 1974.
    /// - Precondition: `values` is not empty, no NaN.
    /// - Complexity: O(n) for n ≥ 2,048, O(n log n) below; two sorts.
    public static func medianAbsoluteDeviation(_ values: [Double]) -> Double {
        let center = median(values)
        return median(values.map { abs($0 - center) })
    }

    /// The median absolute deviation scaled by 1.4826 (≈ 1/Φ⁻¹(¾)), which estimates the standard
    /// deviation for normal data (`scipy.stats.median_abs_deviation(values, scale=1/1.4826)`).
    public static func scaledMedianAbsoluteDeviation(_ values: [Double]) -> Double {
        1.4826 * medianAbsoluteDeviation(values)
    }

    /// The coefficient of variation: sample standard deviation (n − 1) divided by the mean.
    /// - Returns: nil when the mean is 0; negative when the mean is negative; 0 for one value.
    /// - Precondition: `values` is not empty.
    /// - Complexity: O(n).
    public static func coefficientOfVariation(_ values: [Double]) -> Double? {
        let center = mean(values)
        if center == 0 { return nil }
        return standardDeviation(values, mean: center) / center
    }

    /// Σ values with Neumaier's compensation.
    static func compensatedSum(_ values: [Double]) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let total = sum + value
            compensation += abs(sum) >= abs(value) ? (sum - total) + value : (value - total) + sum
            sum = total
        }
        return sum + compensation
    }
}
