/// The value of one series: a single number, a histogram or a summary.
public enum MetricValue: Sendable, Hashable {
    /// A counter or gauge value (any float, `NaN` and infinities included; counters must be ≥ 0).
    case single(Double)
    /// A histogram: cumulative bucket counts by upper bound (increasing, finite; the `+Inf` bucket is
    /// implied and equals `count`), the sum of observations, and their number.
    case histogram(buckets: [HistogramBucket], sum: Double, count: Double)
    /// A summary: quantiles in increasing order (each in 0...1), the sum of observations, their number.
    case summary(quantiles: [SummaryQuantile], sum: Double, count: Double)

    /// The type of family this value belongs to, or nil for a single number (counter or gauge).
    var requiredType: MetricType? {
        switch self {
        case .single: nil
        case .histogram: .histogram
        case .summary: .summary
        }
    }

    /// A histogram of `samples` over `upperBounds` (sorted, deduplicated, finite), counted exactly.
    ///
    /// Each bucket counts the samples `≤` its bound (cumulative); non-finite samples are ignored.
    /// - Complexity: O(*n* log *n* + *b*) for *n* samples and *b* bounds.
    public static func histogram(of samples: [Double], upperBounds: [Double]) -> MetricValue {
        let finite = samples.filter(\.isFinite).sorted()
        let bounds = Array(Set(upperBounds.filter(\.isFinite))).sorted()
        var buckets: [HistogramBucket] = []
        var index = 0
        for bound in bounds {
            while index < finite.count && finite[index] <= bound { index += 1 }
            buckets.append(HistogramBucket(upperBound: bound, cumulativeCount: Double(index)))
        }
        return .histogram(buckets: buckets, sum: finite.reduce(0, +), count: Double(finite.count))
    }
}

/// One cumulative histogram bucket: how many observations were `≤ upperBound`.
public struct HistogramBucket: Sendable, Hashable {
    /// The bucket's inclusive upper bound (`le`), finite.
    public var upperBound: Double
    /// Observations `≤ upperBound`, cumulative.
    public var cumulativeCount: Double

    /// Creates a bucket.
    public init(upperBound: Double, cumulativeCount: Double) {
        self.upperBound = upperBound
        self.cumulativeCount = cumulativeCount
    }
}

/// One summary quantile: the value at `quantile` (0...1).
public struct SummaryQuantile: Sendable, Hashable {
    /// The quantile, 0 (minimum) to 1 (maximum).
    public var quantile: Double
    /// The observed value at that quantile.
    public var value: Double

    /// Creates a quantile.
    public init(quantile: Double, value: Double) {
        self.quantile = quantile
        self.value = value
    }
}
