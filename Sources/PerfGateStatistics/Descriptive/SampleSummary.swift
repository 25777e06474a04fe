/// A summary statistic that thresholds can gate on and reports can show.
///
/// The raw values are the JSON spellings of the contract.
public enum SummaryStatistic: String, Sendable, Hashable, CaseIterable, Codable {
    /// The number of samples.
    case count
    /// The smallest sample.
    case min
    /// The median (type-7 quantile at 0.5).
    case p50
    /// The type-7 quantile at 0.9.
    case p90
    /// The type-7 quantile at 0.95.
    case p95
    /// The type-7 quantile at 0.99.
    case p99
    /// The largest sample.
    case max
    /// The arithmetic mean.
    case mean
    /// The sample standard deviation (n − 1), 0 for one sample.
    case stddev
}

/// The summary of one metric's samples, as stored in a results file.
///
/// Percentiles are Hyndman–Fan type 7; `stddev` is the sample standard deviation (n − 1),
/// 0 for a single sample. All values are in the metric's unit.
public struct SampleSummary: Sendable, Hashable {
    /// The number of samples, at least 1.
    public var count: Int
    /// The smallest sample.
    public var min: Double
    /// The median (type-7 quantile at 0.5).
    public var p50: Double
    /// The type-7 quantile at 0.9.
    public var p90: Double
    /// The type-7 quantile at 0.95.
    public var p95: Double
    /// The type-7 quantile at 0.99.
    public var p99: Double
    /// The largest sample.
    public var max: Double
    /// The arithmetic mean.
    public var mean: Double
    /// The sample standard deviation (n − 1), 0 for one sample.
    public var stddev: Double

    /// Creates a summary from its parts (as read from a results file); nothing is checked.
    public init(
        count: Int,
        min: Double,
        p50: Double,
        p90: Double,
        p95: Double,
        p99: Double,
        max: Double,
        mean: Double,
        stddev: Double
    ) {
        self.count = count
        self.min = min
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.max = max
        self.mean = mean
        self.stddev = stddev
    }

    /// The summary of `samples`, from one sort.
    ///
    /// Percentiles are `Quantile.type7` (numpy's default), `mean` is `Descriptive.mean`
    /// (compensated summation), `stddev` is `Descriptive.standardDeviation` (n − 1, 0 for one sample).
    /// Tested against numpy on golden vectors to 1e−12 relative.
    /// - Precondition: `samples` is not empty and has no NaN (callers validate; an empty sample traps
    ///   with a message).
    /// - Complexity: O(n) for n ≥ 2,048 (radix sort), O(n log n) below; one sorted copy.
    public init(samples: [Double]) {
        precondition(!samples.isEmpty, "SampleSummary needs at least one sample")
        let sorted = Sorting.sorted(samples)
        let mean = Descriptive.mean(samples)
        self.init(
            count: samples.count,
            min: sorted[0],
            p50: Quantile.type7(0.5, ofSorted: sorted),
            p90: Quantile.type7(0.9, ofSorted: sorted),
            p95: Quantile.type7(0.95, ofSorted: sorted),
            p99: Quantile.type7(0.99, ofSorted: sorted),
            max: sorted[sorted.count - 1],
            mean: mean,
            stddev: Descriptive.standardDeviation(samples, mean: mean)
        )
    }

    /// The value of one statistic, as a Double (`count` converted).
    public func value(of statistic: SummaryStatistic) -> Double {
        switch statistic {
        case .count: Double(count)
        case .min: min
        case .p50: p50
        case .p90: p90
        case .p95: p95
        case .p99: p99
        case .max: max
        case .mean: mean
        case .stddev: stddev
        }
    }
}
