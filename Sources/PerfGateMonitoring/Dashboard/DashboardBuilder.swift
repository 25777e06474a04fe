public import PerfGateResults

/// Builds PerfGate's Grafana dashboard (classic JSON model, `schemaVersion` 41) from the limits.
///
/// Variables: `datasource` (any Prometheus data source, so the file imports anywhere) and `agents`
/// (multi-select of the `agents` label of `agent_coordination_duration_seconds_bucket`, "All" = `.*`).
/// Panels, on the 24-column grid: agents coordinating against the limit, coordination efficiency,
/// belief updates per second; round duration p50/p95/p99; memory per agent against the budget line;
/// API latency p50/p95/p99 against the latency line; timeout ratio against its budget; capacity (p95
/// round time per agent count). Every query selects only ``LiveMetrics/families`` (a test checks it).
public enum DashboardBuilder {
    /// The dashboard's stable uid.
    public static let uid = "perfgate-agents"
    /// The Grafana dashboard schema version written (the reference's current classic model).
    public static let schemaVersion = 41

    /// The dashboard JSON for `limits`.
    public static func dashboard(limits: MonitoringLimits) -> JSONValue {
        .object([
            ("uid", .string(uid)), ("title", "PerfGate: multi-agent coordination"), ("tags", ["perfgate"]),
            ("timezone", "utc"), ("editable", false), ("schemaVersion", .integer(schemaVersion)), ("version", 1),
            ("refresh", "30s"), ("time", ["from": "now-6h", "to": "now"]), ("annotations", ["list": []]),
            ("templating", ["list": variables]),
            ("panels", .array(panels(limits: limits))),
        ])
    }

    static var variables: JSONValue {
        [
            ["type": "datasource", "name": "datasource", "label": "Data source", "query": "prometheus"],
            .object([
                ("type", "query"), ("name", "agents"), ("label", "Agents"), ("refresh", 2),
                ("datasource", DashboardPanels.datasource),
                ("query", "label_values(agent_coordination_duration_seconds_bucket, agents)"),
                ("multi", true), ("includeAll", true), ("allValue", ".*"), ("sort", 3),
            ]),
        ]
    }

    static func panels(limits: MonitoringLimits) -> [JSONValue] {
        statPanels(limits: limits) + trendPanels(limits: limits)
    }

    private typealias Q = DashboardPanels.Query
    private typealias G = DashboardPanels.Grid

    /// The rate window of round-duration buckets for the selected agent counts.
    private static let rounds = "agent_coordination_duration_seconds_bucket{agents=~\"$agents\"}[$__rate_interval]"

    /// p50, p95 and p99 of the histogram buckets `selector` selects.
    private static func percentiles(_ selector: String) -> [Q] {
        [0.5, 0.95, 0.99].map { q in
            Q(expression: "histogram_quantile(\(ExpositionNumbers.value(q)), sum by (le) (rate(\(selector))))", legend: "p\(Int((q * 100).rounded()))")
        }
    }

    /// The top row: agents coordinating, coordination efficiency, belief updates per second.
    private static func statPanels(limits: MonitoringLimits) -> [JSONValue] {
        let limit = GoTemplateNumbers.plain(limits.agentLimit)
        return [
            DashboardPanels.stat(
                id: 1, title: "Agents coordinating (limit \(limit))", description: "Agents taking part in coordination now, against the published limit.",
                grid: G(x: 0, y: 0, w: 8, h: 4), query: Q(expression: "max(agent_coordination_concurrent_sessions)", legend: "agents"),
                unit: nil, thresholds: DashboardPanels.thresholds(limit: limits.agentLimit + 1)
            ),
            DashboardPanels.stat(
                id: 2, title: "Coordination efficiency", description: "Share of coordination rounds that complete (no timeout, no failure).",
                grid: G(x: 8, y: 0, w: 8, h: 4),
                query: Q(expression: "1 - sum(rate(agent_coordination_errors_total[$__rate_interval])) / sum(rate(agent_coordination_requests_total[$__rate_interval]))", legend: "efficiency"),
                unit: "percentunit", thresholds: DashboardPanels.thresholds(limit: 1 - limits.timeoutRatio, belowIsBad: true)
            ),
            DashboardPanels.stat(
                id: 3, title: "Belief updates per second", description: "Bayesian belief-state updates per second, all agents.",
                grid: G(x: 16, y: 0, w: 8, h: 4), query: Q(expression: "sum(rate(belief_state_updates_total[$__rate_interval]))", legend: "updates/s"),
                unit: "ops", thresholds: DashboardPanels.thresholds(limit: nil)
            ),
        ]
    }

    /// Round duration, memory, API latency, timeout ratio and capacity over time.
    private static func trendPanels(limits: MonitoringLimits) -> [JSONValue] {
        let api = "api_request_duration_seconds_bucket[$__rate_interval]"
        let timeoutRatio = "sum(rate(agent_coordination_errors_total{reason=\"timeout\"}[$__rate_interval])) / sum(rate(agent_coordination_requests_total[$__rate_interval]))"
        return [
            DashboardPanels.timeseries(
                id: 4, title: "Coordination round duration p50 / p95 / p99", description: "Round wall time for the selected agent counts.",
                grid: G(x: 0, y: 4, w: 12, h: 8), queries: percentiles(rounds), unit: "s", limit: nil
            ),
            DashboardPanels.timeseries(
                id: 5, title: "Memory per agent (budget \(GoTemplateNumbers.humanize1024(limits.memoryBytesPerAgent))B)",
                description: "Heap bytes per agent; the dashed line is the budget from the thresholds file.",
                grid: G(x: 12, y: 4, w: 12, h: 8), queries: [Q(expression: "agent_memory_bytes", legend: "{{agent}}{{agents}}")],
                unit: "bytes", limit: limits.memoryBytesPerAgent
            ),
            DashboardPanels.timeseries(
                id: 6, title: "API latency p50 / p95 / p99 (limit \(GoTemplateNumbers.humanizeDuration(limits.apiLatencySeconds)))",
                description: "API request latency from the histogram; the dashed line is the latency budget.",
                grid: G(x: 0, y: 12, w: 12, h: 8), queries: percentiles(api), unit: "s", limit: limits.apiLatencySeconds
            ),
            DashboardPanels.timeseries(
                id: 7, title: "Coordination timeout ratio (limit \(GoTemplateNumbers.humanizePercentage(limits.timeoutRatio)))",
                description: "Share of coordination rounds that time out; the dashed line is the budget.",
                grid: G(x: 12, y: 12, w: 12, h: 8), queries: [Q(expression: timeoutRatio, legend: "timeouts")],
                unit: "percentunit", limit: limits.timeoutRatio
            ),
            DashboardPanels.timeseries(
                id: 8, title: "Capacity: p95 round time by agent count", description: "How round time grows with the number of coordinating agents.",
                grid: G(x: 0, y: 20, w: 24, h: 8),
                queries: [Q(expression: "histogram_quantile(0.95, sum by (le, agents) (rate(\(rounds))))", legend: "{{agents}} agents")],
                unit: "s", limit: nil
            ),
        ]
    }
}
