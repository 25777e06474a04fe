public import PerfGateResults
import PerfGateStatistics

/// The production limits that alerts, the dashboard and the export take from a thresholds file.
///
/// Each is the budget that the thresholds give a representative benchmark of its scenario (later rules
/// override earlier ones, as in the gate):
/// - ``agentLimit``: `agents_coordinating` on `coordination/*`, budget `max` (50 agents);
/// - ``memoryBytesPerAgent``: `bytes_per_agent` on `memory/*`, budget `max` (36,175,872 bytes = 34.5 MiB);
/// - ``apiLatencySeconds`` at ``apiLatencyQuantile``: `latency_seconds` on `api/*`, budget on a percentile
///   statistic (p95 → 0.95, 0.5 s);
/// - ``timeoutRatio``: `timeout_ratio` on `coordination/*`, budget `max` (0.05).
public struct MonitoringLimits: Sendable, Hashable {
    /// The most agents that may coordinate at once.
    public var agentLimit: Double
    /// The most heap bytes one agent may hold.
    public var memoryBytesPerAgent: Double
    /// The quantile the API latency budget applies to (0.95 for p95).
    public var apiLatencyQuantile: Double
    /// The API latency budget at that quantile, seconds.
    public var apiLatencySeconds: Double
    /// The largest allowed share of coordination rounds that time out (0..1).
    public var timeoutRatio: Double

    /// Creates limits from explicit values.
    public init(agentLimit: Double, memoryBytesPerAgent: Double, apiLatencyQuantile: Double, apiLatencySeconds: Double, timeoutRatio: Double) {
        self.agentLimit = agentLimit
        self.memoryBytesPerAgent = memoryBytesPerAgent
        self.apiLatencyQuantile = apiLatencyQuantile
        self.apiLatencySeconds = apiLatencySeconds
        self.timeoutRatio = timeoutRatio
    }

    /// Reads the limits from `thresholds`.
    /// - Parameter source: the thresholds file's name, for error messages.
    /// - Throws: ``MonitoringError`` naming the rule to add when a budget is missing, or when the API
    ///   budget's statistic is not a percentile.
    public init(thresholds: Thresholds, source: String = "thresholds") throws(MonitoringError) {
        agentLimit = try Self.budgetMax(thresholds, "coordination/contract-net", "agents_coordinating", source)
        memoryBytesPerAgent = try Self.budgetMax(thresholds, "memory/production-agent", "bytes_per_agent", source)
        apiLatencySeconds = try Self.budgetMax(thresholds, "api/request", "latency_seconds", source)
        timeoutRatio = try Self.budgetMax(thresholds, "coordination/contract-net", "timeout_ratio", source)
        let statistic = thresholds.limits(forBenchmark: "api/request", metric: "latency_seconds").budget?.statistic
        guard let quantile = statistic.flatMap(Self.quantile(of:)) else {
            throw MonitoringError(
                "\(source): api/* latency_seconds: budget statistic \(statistic?.rawValue ?? "none") is not a percentile; use p50, p90, p95 or p99"
            )
        }
        apiLatencyQuantile = quantile
    }

    /// The quantile of a percentile statistic (p95 → 0.95), or nil for others.
    static func quantile(of statistic: SummaryStatistic) -> Double? {
        switch statistic {
        case .p50: 0.5
        case .p90: 0.9
        case .p95: 0.95
        case .p99: 0.99
        default: nil
        }
    }

    private static func budgetMax(
        _ thresholds: Thresholds, _ benchmark: String, _ metric: String, _ source: String
    ) throws(MonitoringError) -> Double {
        guard let max = thresholds.limits(forBenchmark: benchmark, metric: metric).budget?.max, max.isFinite else {
            let pattern = benchmark.split(separator: "/").first.map { "\($0)/*" } ?? "*"
            throw MonitoringError(
                "\(source): no budget max for \(metric) on \(pattern); add a rule {\"match\": \"\(pattern)\", \"metric\": \"\(metric)\", \"budget\": {\"max\": …}}"
            )
        }
        return max
    }
}
