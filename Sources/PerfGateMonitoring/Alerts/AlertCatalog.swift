/// The alerts PerfGate derives from its thresholds, one per published limit.
///
/// | alert | severity | for | fires when |
/// | --- | --- | --- | --- |
/// | `AgentCoordinationLimitExceeded` | critical | 1m | `max by (service) (agent_coordination_concurrent_sessions)` > agent limit |
/// | `AgentMemoryPerAgentHigh` | warning | 5m | `agent_memory_bytes` > memory budget per agent |
/// | `ApiLatencyP95High` | warning | 5m | `histogram_quantile(q, … api_request_duration_seconds_bucket …)` > latency budget |
/// | `CoordinationTimeoutRatioHigh` | critical | 2m | timeouts / rounds over 5 m > timeout ratio budget |
///
/// Every expression keeps `service` (a scrape target label), the label Alertmanager groups and
/// inhibits on. Comparisons are strict (`>`): a value exactly at the limit is within budget, as in the gate.
public enum AlertCatalog {
    /// The name of the rule group.
    public static let groupName = "perfgate-thresholds"

    /// The alerts for `limits`, in the order of the table above.
    public static func alerts(for limits: MonitoringLimits) -> [AlertDefinition] {
        [agentLimitAlert(limits), memoryAlert(limits), apiLatencyAlert(limits), timeoutRatioAlert(limits)]
    }

    /// Agents coordinating above the limit.
    static func agentLimitAlert(_ limits: MonitoringLimits) -> AlertDefinition {
        let agentLimit = GoTemplateNumbers.plain(limits.agentLimit)
        let number = ExpositionNumbers.value
        return AlertDefinition(
            name: "AgentCoordinationLimitExceeded",
            expression: "max by (service) (agent_coordination_concurrent_sessions) > \(number(limits.agentLimit))",
            duration: "1m", severity: "critical",
            summary: "{{ $labels.service }} coordinates {{ $value }} agents (limit \(agentLimit))",
            description: "{{ $value }} agents take part in coordination in {{ $labels.service }}; the published limit is \(agentLimit) (agents_coordinating in Benchmarks/thresholds.json). Beyond it rounds slow down and time out.",
            runbookFile: "agent-coordination-limit.md"
        )
    }

    /// Heap bytes of one agent above the per-agent budget.
    static func memoryAlert(_ limits: MonitoringLimits) -> AlertDefinition {
        let memory = limits.memoryBytesPerAgent
        let memoryText = "\(GoTemplateNumbers.humanize1024(memory))B = \(GoTemplateNumbers.plain(memory)) bytes"
        let number = ExpositionNumbers.value
        return AlertDefinition(
            name: "AgentMemoryPerAgentHigh",
            expression: "max by (service, agent) (agent_memory_bytes) > \(number(memory))",
            duration: "5m", severity: "warning",
            summary: "Agent {{ $labels.agent }} in {{ $labels.service }} uses {{ $value | humanize1024 }}B (limit \(memoryText))",
            description: "Heap bytes of agent {{ $labels.agent }}: {{ $value | humanize1024 }}B, above the budget of \(memoryText) per agent (bytes_per_agent in Benchmarks/thresholds.json).",
            runbookFile: "agent-memory.md"
        )
    }

    /// The API latency percentile above its budget.
    static func apiLatencyAlert(_ limits: MonitoringLimits) -> AlertDefinition {
        let quantileText = "p" + GoTemplateNumbers.plain(limits.apiLatencyQuantile * 100)
        let latency = GoTemplateNumbers.humanizeDuration(limits.apiLatencySeconds)
        let number = ExpositionNumbers.value
        return AlertDefinition(
            name: "ApiLatencyP95High",
            expression: "histogram_quantile(\(number(limits.apiLatencyQuantile)), sum by (le, service) (rate(api_request_duration_seconds_bucket[5m]))) > \(number(limits.apiLatencySeconds))",
            duration: "5m", severity: "warning",
            summary: "\(quantileText) API latency of {{ $labels.service }} is {{ $value | humanizeDuration }} (limit \(latency))",
            description: "The \(quantileText) of api_request_duration_seconds over 5 minutes is {{ $value | humanizeDuration }}, above the \(latency) budget (latency_seconds in Benchmarks/thresholds.json).",
            runbookFile: "api-latency.md"
        )
    }

    /// The share of coordination rounds that time out above its budget.
    static func timeoutRatioAlert(_ limits: MonitoringLimits) -> AlertDefinition {
        let ratio = GoTemplateNumbers.humanizePercentage(limits.timeoutRatio)
        let number = ExpositionNumbers.value
        return AlertDefinition(
            name: "CoordinationTimeoutRatioHigh",
            expression: "sum by (service) (rate(agent_coordination_errors_total{reason=\"timeout\"}[5m])) / sum by (service) (rate(agent_coordination_requests_total[5m])) > \(number(limits.timeoutRatio))",
            duration: "2m", severity: "critical",
            summary: "{{ $value | humanizePercentage }} of coordination rounds in {{ $labels.service }} time out (limit \(ratio))",
            description: "Over 5 minutes {{ $value | humanizePercentage }} of coordination rounds ended in a timeout, above the \(ratio) budget (timeout_ratio in Benchmarks/thresholds.json).",
            runbookFile: "coordination-timeouts.md"
        )
    }
}
