import PerfGateResults
import PerfGateStatistics

/// Which metrics' samples are independent draws, and so what unit their significance test takes.
///
/// Heap bytes, message counts, instruction counts and ratios of events are the same whichever
/// process measures them: their samples are exchangeable and the comparator tests them sample by
/// sample. Wall time is not: on a shared machine most of its variance sits between worker
/// processes and between runs (docs/method.md), so the samples of one process are a cluster and
/// the unit of the test is the process (block), the run, or the machine boot.
public enum NoiseModel {
    /// Units whose samples vary with the speed of the process and the machine.
    public static let clusteredUnits: Set<String> = ["seconds", "per_second", "exponent"]
    /// Metrics derived from wall time whose unit does not say so.
    public static let clusteredMetrics: Set<String> = ["efficiency_ratio"]

    /// Whether the samples of `metric` (measured in `unit`) are exchangeable across processes and runs.
    public static func samplesAreExchangeable(metric: String, unit: String) -> Bool {
        !clusteredUnits.contains(unit) && !clusteredMetrics.contains(metric)
    }
}

/// One run's value of a metric's gated statistic.
struct RunValue {
    /// The run id.
    var id: String
    /// The machine boot it ran on, when known.
    var boot: String?
    /// The gated statistic of the run's samples.
    var value: Double
}

extension MetricResult {
    /// The gated `statistic` of each run's samples: one value for a single-run file, one per part
    /// of `run.runs` for a file that joins several runs.
    func runValues(statistic: SummaryStatistic, run: RunInfo) -> [RunValue] {
        guard let sampleRuns, !run.parts.isEmpty else {
            return [RunValue(id: run.id, boot: run.environment?.bootId, value: summary.value(of: statistic))]
        }
        var groups: [Int: [Double]] = [:]
        for (index, part) in sampleRuns.enumerated() { groups[part, default: []].append(samples[index]) }
        return groups.keys.sorted().compactMap { index in
            guard index < run.parts.count, let values = groups[index] else { return nil }
            let part = run.parts[index]
            return RunValue(
                id: part.id, boot: part.bootId ?? run.environment?.bootId,
                value: SampleSummary(samples: values).value(of: statistic)
            )
        }
    }

    /// The gated `statistic` of each block (worker process of one run), or nil without block labels.
    func blockValues(statistic: SummaryStatistic) -> [Double]? {
        guard let sampleProcesses else { return nil }
        var groups: [[Int]: [Double]] = [:]
        for index in samples.indices {
            groups[[sampleRuns?[index] ?? 0, sampleProcesses[index]], default: []].append(samples[index])
        }
        return groups.keys.sorted { $0.lexicographicallyPrecedes($1) }.map {
            SampleSummary(samples: groups[$0]!).value(of: statistic)
        }
    }
}
