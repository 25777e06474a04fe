public import PerfGateResults

/// The kinds of workload PerfGate knows how to run; a scenario file names one of them.
public enum ScenarioKind: String, Sendable, Hashable, CaseIterable {
    /// Contract-net coordination rounds of a swarm: round time, throughput, efficiency, messages, timeouts.
    case coordination
    /// Heap and resident memory per agent, and the process's peak resident memory.
    case memory
    /// One Bayesian belief update of one agent.
    case beliefUpdate = "belief-update"
    /// Time for one agent's belief to settle on a stationary world.
    case beliefConvergence = "belief-convergence"
    /// Agent steps through the HTTP API (`POST /api/v1/agents/{id}/step`), one connection per agent.
    case apiStep = "api-step"
    /// A read/write mix through the HTTP API: steps, belief reads and health checks.
    case apiMixed = "api-mixed"

    /// The metrics a benchmark of this kind reports, with their units and directions.
    public var metrics: [MetricDescription] {
        switch self {
        case .coordination:
            [
                MetricDescription("round_seconds", unit: "seconds", better: .lower),
                MetricDescription("throughput_per_second", unit: "per_second", better: .higher),
                MetricDescription("efficiency_ratio", unit: "ratio", better: .higher),
                MetricDescription("messages_per_round", unit: "count", better: .lower),
                MetricDescription("timeout_ratio", unit: "ratio", better: .lower),
            ]
        case .memory:
            [
                MetricDescription("bytes_per_agent", unit: "bytes", better: .lower),
                MetricDescription("rss_bytes_per_agent", unit: "bytes", better: .lower),
                MetricDescription("peak_rss_bytes", unit: "bytes", better: .lower),
            ]
        case .beliefUpdate:
            [MetricDescription("update_seconds", unit: "seconds", better: .lower)]
        case .beliefConvergence:
            [MetricDescription("convergence_seconds", unit: "seconds", better: .lower)]
        case .apiStep, .apiMixed:
            [
                MetricDescription("latency_seconds", unit: "seconds", better: .lower),
                MetricDescription("throughput_per_second", unit: "per_second", better: .higher),
                MetricDescription("error_ratio", unit: "ratio", better: .lower),
            ]
        }
    }
}

/// What a metric measures: its name, base unit and direction.
public struct MetricDescription: Sendable, Hashable {
    /// The metric name with its unit (`round_seconds`).
    public var name: String
    /// The base unit (`seconds`, `bytes`, `ratio`, `per_second`, `count`).
    public var unit: String
    /// Whether smaller values are better (`lower`) or larger (`higher`).
    public var better: Better

    /// Creates a description.
    public init(_ name: String, unit: String, better: Better) {
        self.name = name
        self.unit = unit
        self.better = better
    }
}
