/// A summary statistic that thresholds can gate on and reports can show.
public enum SummaryStatistic: String, Sendable, Hashable, CaseIterable, Codable {
    case count, min, p50, p90, p95, p99, max, mean, stddev
}

/// The summary of one metric's samples, as stored in a results file.
///
/// Percentiles are Hyndman–Fan type 7; `stddev` is the sample standard deviation (n − 1),
/// 0 for a single sample. All values are in the metric's unit.
public struct SampleSummary: Sendable, Hashable {
    public var count: Int
    public var min: Double
    public var p50: Double
    public var p90: Double
    public var p95: Double
    public var p99: Double
    public var max: Double
    public var mean: Double
    public var stddev: Double

    public init(
        count: Int, min: Double, p50: Double, p90: Double, p95: Double, p99: Double,
        max: Double, mean: Double, stddev: Double
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

    /// The summary of `samples`; `samples` must not be empty.
    public init(samples: [Double]) {
        fatalError("PerfGateStatistics: not implemented yet")
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
