public import PerfGateResults
import PerfGateStatistics

/// One line per metric with its variance components, for `bench run --verbose`:
/// `coordination/contract-net[agents=10] round_seconds: within a process 15.5%, between processes 14.0%`.
public enum NoiseReport {
    /// The lines, in benchmark order then metric name order; metrics without block labels are skipped.
    public static func lines(_ benchmarks: [BenchmarkResult]) -> [String] {
        var lines: [String] = []
        for benchmark in benchmarks {
            for name in benchmark.metrics.keys.sorted() {
                guard let components = benchmark.metrics[name]?.varianceComponents else { continue }
                lines.append("\(benchmark.id) \(name): " + describe(components))
            }
        }
        return lines
    }

    /// `within a process 15.5%, between processes 14.0%, between runs 3.1%` (log scale: relative
    /// standard deviations), or the same as plain standard deviations on the linear scale.
    static func describe(_ components: VarianceComponents) -> String {
        func text(_ value: Double) -> String {
            components.isLogScale
                ? DecimalFormatting.significant(value * 100, digits: 3) + "%"
                : DecimalFormatting.significant(value, digits: 3)
        }
        var parts = ["within a process \(text(components.withinBlock))"]
        if let blocks = components.betweenBlocks { parts.append("between processes \(text(blocks))") }
        if let runs = components.betweenRuns { parts.append("between runs \(text(runs))") }
        return parts.joined(separator: ", ")
    }
}
