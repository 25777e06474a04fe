public import PerfGateHarness
public import PerfGateResults
import PerfGateStatistics

/// Turns the samples the workers sent back into the benchmarks of a results file.
public enum ResultsAssembler {
    /// One `BenchmarkResult` per planned benchmark that produced samples, in plan order, with the
    /// derived `efficiency_ratio` added to coordination benchmarks and one derived `scaling/<name>`
    /// benchmark per coordination or API scenario measured at two or more agent counts.
    ///
    /// Benchmarks that failed (crash, hang, error) are left out; the caller reports them.
    /// - Parameters:
    ///   - plan: What was planned.
    ///   - report: What the workers returned.
    ///   - logicalCores: The cores of the machine, for the efficiency's ideal speed-up.
    public static func assemble(plan: BenchmarkPlan, report: WorkerRunReport, logicalCores: Int) -> [BenchmarkResult] {
        var byID: [String: ScenarioSamples] = [:]
        for scenario in report.scenarios where scenario.failure == nil { byID[scenario.scenario] = scenario }
        var results: [BenchmarkResult] = []
        for benchmark in plan.benchmarks {
            guard let samples = byID[benchmark.id] else { continue }
            var metrics: [String: MetricResult] = [:]
            for description in benchmark.definition.kind.metrics {
                guard let values = samples.metrics[description.name], !values.isEmpty else { continue }
                metrics[description.name] = MetricResult(
                    unit: description.unit, better: description.better, samples: values,
                    sampleProcesses: samples.sampleProcesses[description.name],
                    sampleRounds: samples.sampleRounds[description.name]
                )
            }
            guard !metrics.isEmpty else { continue }
            results.append(
                BenchmarkResult(
                    id: benchmark.id, name: benchmark.definition.name, scenario: benchmark.definition.kind.rawValue,
                    parameters: benchmark.parameters, metrics: metrics
                )
            )
        }
        DerivedMetrics.addEfficiency(to: &results, logicalCores: logicalCores)
        DerivedMetrics.addScalingExponents(to: &results)
        return results
    }
}

/// Metrics computed from other benchmarks' samples.
public enum DerivedMetrics {
    /// Adds `efficiency_ratio` to every coordination benchmark whose scenario also ran at 1 agent.
    ///
    /// Definition: for N agents on C cores, the ideal is min(N, C) times the throughput of one agent
    /// (agents work in parallel up to the core count, and no further). Each sample is
    /// `throughput_per_second(N) / (min(N, C) × median throughput_per_second(1))`, so 1.0 means N
    /// agents scale perfectly and 0.5 means they reach half the ideal (coordination overhead,
    /// contention). The 1-agent benchmark's own efficiency is about 1 by construction.
    public static func addEfficiency(to results: inout [BenchmarkResult], logicalCores: Int) {
        var singleAgentMedian: [String: Double] = [:]
        for result in results where result.scenario == ScenarioKind.coordination.rawValue {
            if result.parameters["agents"] == .int(1), let throughput = result.metrics["throughput_per_second"] {
                singleAgentMedian[result.name] = Quantile.type7(0.5, of: throughput.samples)
            }
        }
        for index in results.indices where results[index].scenario == ScenarioKind.coordination.rawValue {
            let result = results[index]
            guard case .int(let agents) = result.parameters["agents"], let base = singleAgentMedian[result.name], base > 0,
                let throughput = result.metrics["throughput_per_second"]
            else { continue }
            let ideal = Double(min(agents, max(1, logicalCores))) * base
            results[index].metrics["efficiency_ratio"] = MetricResult(
                unit: "ratio", better: .higher, samples: throughput.samples.map { $0 / ideal },
                sampleProcesses: throughput.sampleProcesses, sampleRounds: throughput.sampleRounds
            )
        }
    }
}
