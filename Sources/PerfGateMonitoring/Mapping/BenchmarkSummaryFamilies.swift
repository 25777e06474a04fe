import PerfGateResults
import PerfGateStatistics

/// The `perfgate_*` families of an export: one summary family per unit, and the run's info gauge.
enum BenchmarkSummaryFamilies {
    /// Family name and OpenMetrics unit per results unit; other units go to `perfgate_benchmark_value`.
    static let familiesByUnit: [String: (name: String, unit: String?)] = [
        "seconds": ("perfgate_benchmark_seconds", "seconds"),
        "bytes": ("perfgate_benchmark_bytes", "bytes"),
        "ratio": ("perfgate_benchmark_ratio", "ratio"),
        "per_second": ("perfgate_benchmark_per_second", nil),
    ]
    static let otherFamily = (name: "perfgate_benchmark_value", unit: String?.none)

    /// Adds the summary families (in a fixed order) and `perfgate_run_info`.
    static func add(_ results: BenchmarkResults, to registry: inout MetricRegistry) throws(MonitoringError) {
        let commit = results.run.git?.commit ?? "unknown"
        var families: [String: MetricFamily] = [:]
        for benchmark in results.benchmarks {
            for metricName in benchmark.metrics.keys.sorted() {
                let metric = benchmark.metrics[metricName]!
                let target = familiesByUnit[metric.unit] ?? otherFamily
                if families[target.name] == nil {
                    families[target.name] = try MetricFamily(
                        name: target.name, help: help(for: metric.unit), type: .summary, unit: target.unit
                    )
                }
                let labels: MetricLabels = ["benchmark": benchmark.id, "metric": metricName, "commit": commit]
                try families[target.name]!.add(labels: labels, value: summaryValue(metric))
            }
        }
        for name in (Array(familiesByUnit.values.map(\.name)) + [otherFamily.name]).sorted() {
            if let family = families[name] { try registry.register(family) }
        }
        var info = try MetricFamily(name: "perfgate_run_info", help: "The run a PerfGate export comes from; always 1.", type: .gauge)
        try info.add(
            labels: ["run_id": results.run.id, "suite": results.run.suite, "commit": commit, "version": results.tool.version],
            value: .single(1)
        )
        try registry.register(info)
    }

    private static func help(for unit: String) -> String {
        "Summary of a PerfGate benchmark metric measured in \(unit): min (quantile 0), p50, p90, p95, p99, max (quantile 1)."
    }

    private static func summaryValue(_ metric: MetricResult) -> MetricValue {
        let summary = metric.summary
        let quantiles = [(0.0, summary.min), (0.5, summary.p50), (0.9, summary.p90), (0.95, summary.p95), (0.99, summary.p99), (1.0, summary.max)]
        return .summary(
            quantiles: quantiles.map { SummaryQuantile(quantile: $0.0, value: $0.1) },
            sum: summary.mean * Double(summary.count),
            count: Double(summary.count)
        )
    }
}
