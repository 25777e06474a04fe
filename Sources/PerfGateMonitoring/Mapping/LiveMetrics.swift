/// The metric families the live `/metrics` endpoint of `bench serve` exposes, and their buckets.
///
/// This list is the contract between the dashboard and alert rules (which query only these names, a
/// test checks it) and the live endpoint (which must expose exactly these families). `bench export`
/// writes the subset that a results file can honestly fill (see ``ResultsMetricsMapper``); the rest
/// are counts and gauges of a running system that a benchmark file does not hold.
///
/// | family | type | labels | meaning |
/// | --- | --- | --- | --- |
/// | `agent_coordination_duration_seconds` | histogram | `agents` | wall time of one coordination round |
/// | `agent_memory_bytes` | gauge | `agent` (live) or `agents` (export) | heap bytes held by one agent |
/// | `agent_coordination_limit` | gauge | — | the published limit of coordinating agents (thresholds) |
/// | `agent_coordination_requests_total` | counter | — | coordination rounds started |
/// | `agent_coordination_errors_total` | counter | `reason` (`timeout`, `failed`) | rounds that did not complete |
/// | `agent_coordination_concurrent_sessions` | gauge | — | agents taking part in coordination now |
/// | `belief_state_updates_total` | counter | — | Bayesian belief updates performed |
/// | `belief_convergence_time_seconds` | histogram | — | time for a belief to settle |
/// | `api_request_duration_seconds` | histogram | `route`, `method`, `status` (live) | API request latency |
///
/// Alert rules and the dashboard aggregate `by (service)`: `service` is a target label that the
/// Prometheus scrape configuration attaches (`labels: {service: perfgate}`), not an exposed label.
public enum LiveMetrics {
    /// One family of the live endpoint: name, type and help.
    public struct Family: Sendable, Hashable {
        /// The family name as exposed (counters with `_total`).
        public var name: String
        /// The family's type.
        public var type: MetricType
        /// The HELP text both the export and the live endpoint use.
        public var help: String
    }

    /// Every family the live endpoint exposes, in exposition order.
    public static let families: [Family] = [
        Family(name: "agent_coordination_duration_seconds", type: .histogram, help: "Wall time of one coordination round, in seconds."),
        Family(name: "agent_memory_bytes", type: .gauge, help: "Heap bytes held by one agent."),
        Family(name: "agent_coordination_limit", type: .gauge, help: "Published limit of agents coordinating at once (from the thresholds file)."),
        Family(name: "agent_coordination_requests_total", type: .counter, help: "Coordination rounds started."),
        Family(name: "agent_coordination_errors_total", type: .counter, help: "Coordination rounds that did not complete, by reason (timeout, failed)."),
        Family(name: "agent_coordination_concurrent_sessions", type: .gauge, help: "Agents taking part in coordination now."),
        Family(name: "belief_state_updates_total", type: .counter, help: "Bayesian belief-state updates performed."),
        Family(name: "belief_convergence_time_seconds", type: .histogram, help: "Time for an agent's belief to settle, in seconds."),
        Family(name: "api_request_duration_seconds", type: .histogram, help: "API request latency, in seconds."),
    ]

    /// The family named `name`, or nil.
    public static func family(named name: String) -> Family? {
        families.first { $0.name == name }
    }

    /// Every sample name a scrape of the live endpoint can contain (`x_bucket`, `x_sum`, `x_count` for
    /// histograms), which is what PromQL queries select.
    public static var sampleNames: Set<String> {
        var names: Set<String> = []
        for family in families {
            names.insert(family.name)
            if family.type == .histogram || family.type == .summary {
                names.formUnion([family.name + "_sum", family.name + "_count"])
            }
            if family.type == .histogram { names.insert(family.name + "_bucket") }
        }
        return names
    }

    /// Bucket bounds of the duration histograms, in seconds: 1 ms to 10 s, roughly ×2.5 apart, with
    /// 0.5 s (the API budget) and 0.25 s (the round deadline) among them so that thresholds fall on a
    /// bucket edge and `histogram_quantile` is exact at the limit.
    public static let durationBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// Makes an empty family for `name` from ``families``.
    /// - Throws: ``MonitoringError`` when `name` is not a live family.
    public static func makeFamily(_ name: String) throws(MonitoringError) -> MetricFamily {
        guard let family = family(named: name) else {
            throw MonitoringError("\(name) is not one of LiveMetrics.families")
        }
        let unit = ["seconds", "bytes"].first { family.name.hasSuffix("_" + $0) }
        return try MetricFamily(name: family.name, help: family.help, type: family.type, unit: unit)
    }
}
