public import PerfGateResults
import PerfGateStatistics

/// Maps a results file to metric families: the user's stack names where a results file can fill them,
/// plus `perfgate_*` summaries of every benchmark.
///
/// | family | from |
/// | --- | --- |
/// | `agent_coordination_duration_seconds` (histogram, `agents`) | every `round_seconds` sample, pooled per agent count |
/// | `agent_memory_bytes` (gauge, `agents`) | the largest `bytes_per_agent` sample per agent count (the budget's statistic) |
/// | `agent_coordination_limit` (gauge) | the thresholds' `agents_coordinating` budget (50) |
/// | `belief_convergence_time_seconds` (histogram) | every `convergence_seconds` sample |
/// | `api_request_duration_seconds` (histogram) | every `latency_seconds` sample of `api/*` benchmarks |
/// | `perfgate_benchmark_<unit>` (summary) | each metric's summary: quantiles 0 (min), 0.5, 0.9, 0.95, 0.99, 1 (max), `_sum`, `_count`; labels `benchmark`, `metric`, `commit` |
/// | `perfgate_run_info` (gauge = 1) | the run: `run_id`, `suite`, `commit`, `version` |
///
/// Only the live endpoint has `agent_coordination_requests_total`, `agent_coordination_errors_total`,
/// `agent_coordination_concurrent_sessions` and `belief_state_updates_total`: they count events of a
/// running system, and a results file keeps per-sample averages, not event counts. Histograms use
/// ``LiveMetrics/durationBuckets`` so exported and live series aggregate together. Families with no
/// data in the file are left out.
public struct ResultsMetricsMapper: Sendable {
    /// The limits written as gauges.
    public var limits: MonitoringLimits

    /// Creates a mapper.
    public init(limits: MonitoringLimits) {
        self.limits = limits
    }

    /// The registry for `results`.
    /// - Throws: ``MonitoringError`` only for a bug-like clash (two families with one name); label values
    ///   from the file are escaped, never rejected.
    /// - Complexity: O(*n* log *n*) in the number of samples.
    public func registry(for results: BenchmarkResults) throws(MonitoringError) -> MetricRegistry {
        var registry = MetricRegistry()
        try addHistogram("agent_coordination_duration_seconds", metric: "round_seconds", byAgents: true, results, &registry)
        try addMemory(results, &registry)
        var limit = try LiveMetrics.makeFamily("agent_coordination_limit")
        try limit.add(value: .single(limits.agentLimit))
        try registry.register(limit)
        try addHistogram("belief_convergence_time_seconds", metric: "convergence_seconds", byAgents: false, results, &registry)
        try addHistogram("api_request_duration_seconds", metric: "latency_seconds", byAgents: false, results, &registry, namePrefix: "api/")
        try BenchmarkSummaryFamilies.add(results, to: &registry)
        return registry
    }

    private func addHistogram(
        _ name: String, metric: String, byAgents: Bool, _ results: BenchmarkResults, _ registry: inout MetricRegistry,
        namePrefix: String? = nil
    ) throws(MonitoringError) {
        var pooled: [String: [Double]] = [:]
        for benchmark in results.benchmarks where namePrefix.map(benchmark.name.hasPrefix) ?? true {
            guard let samples = benchmark.metrics[metric]?.samples else { continue }
            pooled[byAgents ? Self.agents(of: benchmark) : "", default: []] += samples
        }
        guard !pooled.isEmpty else { return }
        var family = try LiveMetrics.makeFamily(name)
        for key in pooled.keys.sorted(by: Self.numericOrder) {
            let value = MetricValue.histogram(of: pooled[key]!, upperBounds: LiveMetrics.durationBuckets)
            try family.add(labels: byAgents ? ["agents": key] : [:], value: value)
        }
        try registry.register(family)
    }

    private func addMemory(_ results: BenchmarkResults, _ registry: inout MetricRegistry) throws(MonitoringError) {
        var largest: [String: Double] = [:]
        for benchmark in results.benchmarks {
            guard let samples = benchmark.metrics["bytes_per_agent"]?.samples, let top = samples.max() else { continue }
            largest[Self.agents(of: benchmark)] = max(largest[Self.agents(of: benchmark)] ?? top, top)
        }
        guard !largest.isEmpty else { return }
        var family = try LiveMetrics.makeFamily("agent_memory_bytes")
        for key in largest.keys.sorted(by: Self.numericOrder) {
            try family.add(labels: ["agents": key], value: .single(largest[key]!))
        }
        try registry.register(family)
    }

    /// The `agents` parameter as text, or `"unknown"`.
    static func agents(of benchmark: BenchmarkResult) -> String {
        benchmark.parameters["agents"]?.description ?? "unknown"
    }

    /// Numbers in numeric order first, then other text in lexical order.
    static func numericOrder(_ lhs: String, _ rhs: String) -> Bool {
        switch (Double(lhs), Double(rhs)) {
        case (let a?, let b?): a < b
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs < rhs
        }
    }
}
