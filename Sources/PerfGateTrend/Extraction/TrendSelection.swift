public import PerfGateResults

/// Which series a trend report includes.
public struct TrendSelection: Sendable, Hashable {
    /// Only benchmarks whose id matches this glob; nil for all.
    public var benchmarks: GlobPattern?
    /// Only these metric names; nil or empty for all.
    public var metrics: Set<String>?

    /// Creates a selection; the default selects everything.
    public init(benchmarks: GlobPattern? = nil, metrics: Set<String>? = nil) {
        self.benchmarks = benchmarks
        self.metrics = metrics
    }

    /// Whether the series of `metric` of `benchmark` is selected.
    public func includes(benchmark: String, metric: String) -> Bool {
        if let benchmarks, !benchmarks.matches(benchmark) { return false }
        if let metrics, !metrics.isEmpty, !metrics.contains(metric) { return false }
        return true
    }
}
