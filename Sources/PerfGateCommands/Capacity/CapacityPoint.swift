import PerfGateResults

/// What one agent count measured, for capacity planning; nil where not measured.
struct CapacityPoint: Sendable {
    var agents: Int
    /// Coordination round time, median and 95th percentile of the samples (seconds).
    var roundP50: Double?
    var roundP95: Double?
    /// Mean fraction of rounds whose bids were not all in before the deadline.
    var timeoutRatio: Double?
    /// Agent steps per second (median).
    var throughput: Double?
    /// Throughput over min(agents, cores) × the 1-agent throughput, when both are known.
    var efficiency: Double?
    /// Heap bytes per production-sized agent (median).
    var bytesPerAgent: Double?
    /// True when the memory scenario was skipped at this count (see ``MemoryCap``).
    var isMemorySkipped = false
    /// `api/step` request latency, median and 95th percentile (seconds).
    var apiP50: Double?
    var apiP95: Double?
    /// `api/step` responses per second (median) and mean error ratio.
    var apiThroughput: Double?
    var apiErrorRatio: Double?
    /// `api/mixed` request latency, 95th percentile (seconds), when measured.
    var apiMixedP95: Double?

    /// A point with nothing measured yet.
    init(agents: Int) {
        self.agents = agents
    }

    /// Takes every quantity `results` measured at this point's count; others stay as they are.
    mutating func read(_ results: BenchmarkResults) {
        func metric(_ prefix: String, _ name: String) -> MetricResult? {
            results.benchmarks.first { $0.name.hasPrefix(prefix) && $0.parameters["agents"] == .int(agents) }?.metrics[name]
        }
        if let round = metric("coordination/", "round_seconds") { (roundP50, roundP95) = (round.summary.p50, round.summary.p95) }
        timeoutRatio = metric("coordination/", "timeout_ratio")?.summary.mean ?? timeoutRatio
        throughput = metric("coordination/", "throughput_per_second")?.summary.p50 ?? throughput
        bytesPerAgent = metric("memory/", "bytes_per_agent")?.summary.p50 ?? bytesPerAgent
        if let latency = metric("api/step", "latency_seconds") { (apiP50, apiP95) = (latency.summary.p50, latency.summary.p95) }
        apiThroughput = metric("api/step", "throughput_per_second")?.summary.p50 ?? apiThroughput
        apiErrorRatio = metric("api/step", "error_ratio")?.summary.mean ?? apiErrorRatio
        apiMixedP95 = metric("api/mixed", "latency_seconds")?.summary.p95 ?? apiMixedP95
    }

    /// The measured value of an objective's quantity, or nil when not measured.
    func value(of quantity: String) -> Double? {
        switch quantity {
        case "round_seconds.p50": roundP50
        case "round_seconds.p95": roundP95
        case "timeout_ratio": timeoutRatio
        case "bytes_per_agent": bytesPerAgent
        case "api_latency_seconds.p95": apiP95
        case "api_mixed_latency_seconds.p95": apiMixedP95
        case "api_error_ratio": apiErrorRatio
        default: nil
        }
    }

    /// The objectives this point breaks, described (`round_seconds.p95 0.31 > 0.25`). Unmeasured
    /// quantities break nothing.
    func failures(_ objectives: [ServiceObjective]) -> [String] {
        objectives.compactMap { objective in
            guard let value = value(of: objective.quantity), value > objective.maximum else { return nil }
            return "\(objective.quantity) \(CalibrationReport.formatNumber(value)) > \(CalibrationReport.formatNumber(objective.maximum))"
        }
    }
}
