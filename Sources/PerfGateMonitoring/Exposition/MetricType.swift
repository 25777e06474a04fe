/// The type of a metric family, as written in `# TYPE` lines.
public enum MetricType: String, Sendable, Hashable, CaseIterable {
    /// A monotonically increasing count; its sample name ends in `_total`.
    case counter
    /// A value that can go up and down.
    case gauge
    /// Cumulative buckets (`_bucket{le=…}`), `_sum` and `_count`.
    case histogram
    /// Client-side quantiles (`{quantile=…}`), `_sum` and `_count`.
    case summary
}
