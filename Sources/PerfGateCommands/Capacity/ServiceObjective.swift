import PerfGateResults

/// One service-level objective of `bench capacity`: a measured quantity and its upper bound.
///
/// Quantities: `round_seconds.p50`, `round_seconds.p95` and `timeout_ratio` (coordination),
/// `bytes_per_agent` (memory, p50 of heap bytes per agent), `api_latency_seconds.p95` (API step
/// latency). Written `NAME<=VALUE`, several separated by commas.
struct ServiceObjective: Sendable, Hashable {
    var quantity: String
    var maximum: Double

    /// The quantities an objective may name.
    static let quantities = ["round_seconds.p50", "round_seconds.p95", "timeout_ratio", "bytes_per_agent", "api_latency_seconds.p95"]

    /// The defaults: round p95 within the scenario's round deadline, timeouts ≤ 5%, heap per agent
    /// within the published 34.5 MiB, API p95 ≤ 0.5 s.
    static func defaults(roundDeadline: Double) -> [ServiceObjective] {
        [
            ServiceObjective(quantity: "round_seconds.p95", maximum: roundDeadline),
            ServiceObjective(quantity: "timeout_ratio", maximum: 0.05),
            ServiceObjective(quantity: "bytes_per_agent", maximum: 36_175_872),
            ServiceObjective(quantity: "api_latency_seconds.p95", maximum: 0.5),
        ]
    }

    /// Parses `round_seconds.p95<=0.25,timeout_ratio<=0.05`.
    static func parse(_ text: String, command: String) throws(UsageError) -> [ServiceObjective] {
        var objectives: [ServiceObjective] = []
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "<=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, quantities.contains(String(pieces[0])), let value = Double(pieces[1]), value >= 0 else {
                throw UsageError(
                    "--slo expects NAME<=VALUE pairs separated by commas with NAME one of \(quantities.joined(separator: ", ")), got \"\(part)\"",
                    command: command
                )
            }
            objectives.append(ServiceObjective(quantity: String(pieces[0]), maximum: value))
        }
        return objectives
    }

    /// `round_seconds.p95<=0.25`.
    var text: String { "\(quantity)<=\(CalibrationReport.formatNumber(maximum))" }
}

/// What one agent count measured, for capacity planning.
struct CapacityPoint: Sendable {
    var agents: Int
    var roundP50: Double?
    var roundP95: Double?
    var timeoutRatio: Double?
    var throughput: Double?
    var bytesPerAgent: Double?
    var apiLatencyP95: Double?
    /// Throughput over min(agents, cores) × the 1-agent throughput, when both are known.
    var efficiency: Double?

    /// Reads the point from a run at one agent count.
    init(agents: Int, results: BenchmarkResults) {
        self.agents = agents
        func metric(_ prefix: String, _ name: String) -> MetricResult? {
            results.benchmarks.first { $0.name.hasPrefix(prefix) && $0.parameters["agents"] == .int(agents) }?.metrics[name]
        }
        roundP50 = metric("coordination/", "round_seconds")?.summary.p50
        roundP95 = metric("coordination/", "round_seconds")?.summary.p95
        timeoutRatio = metric("coordination/", "timeout_ratio")?.summary.mean
        throughput = metric("coordination/", "throughput_per_second")?.summary.p50
        bytesPerAgent = metric("memory/", "bytes_per_agent")?.summary.p50
        apiLatencyP95 = metric("api/step", "latency_seconds")?.summary.p95
    }

    /// The measured value of an objective's quantity, or nil when not measured.
    func value(of quantity: String) -> Double? {
        switch quantity {
        case "round_seconds.p50": roundP50
        case "round_seconds.p95": roundP95
        case "timeout_ratio": timeoutRatio
        case "bytes_per_agent": bytesPerAgent
        case "api_latency_seconds.p95": apiLatencyP95
        default: nil
        }
    }

    /// The objectives this point breaks, described (`round_seconds.p95 0.31 > 0.25`).
    func failures(_ objectives: [ServiceObjective]) -> [String] {
        objectives.compactMap { objective in
            guard let value = value(of: objective.quantity), value > objective.maximum else { return nil }
            return "\(objective.quantity) \(CalibrationReport.formatNumber(value)) > \(CalibrationReport.formatNumber(objective.maximum))"
        }
    }
}
