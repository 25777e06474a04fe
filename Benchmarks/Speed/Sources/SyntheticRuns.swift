import PerfGateStatistics
import PerfGateResults

/// A synthetic baseline and candidate with many benchmarks of many samples each, as large as the
/// biggest comparison the gate is meant to handle.
///
/// Every benchmark has one lower-is-better `round_seconds` metric with samples around 10 ms (±5 %,
/// uniform, full 53-bit precision, so no ties: every comparison takes the asymptotic path at
/// 1,000 × 1,000). In the candidate, every tenth benchmark is 10 % slower and every tenth (offset
/// by five) 10 % faster, so the comparison decides regressions and improvements as well as
/// unchanged results.
struct SyntheticRuns {
    var baseline: BenchmarkResults
    var candidate: BenchmarkResults

    /// Builds the pair from `seed`.
    init(benchmarks: Int, samples: Int, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var old: [BenchmarkResult] = []
        var new: [BenchmarkResult] = []
        for index in 0..<benchmarks {
            let factor = index % 10 == 0 ? 1.10 : index % 10 == 5 ? 0.90 : 1.0
            old.append(Self.benchmark(index, samples: samples, factor: 1, generator: &generator))
            new.append(Self.benchmark(index, samples: samples, factor: factor, generator: &generator))
        }
        baseline = Self.results(old, runID: "speed-baseline")
        candidate = Self.results(new, runID: "speed-candidate")
    }

    private static func benchmark(
        _ index: Int,
        samples: Int,
        factor: Double,
        generator: inout SplitMix64
    ) -> BenchmarkResult {
        let values = (0..<samples).map { _ in 0.010 * factor * (0.95 + 0.1 * generator.nextUnit()) }
        let parameters: [String: ParameterValue] = ["case": .int(index)]
        let name = "speed/synthetic"
        return BenchmarkResult(
            id: BenchmarkResult.makeID(name: name, parameters: parameters),
            name: name,
            scenario: "speed",
            parameters: parameters,
            metrics: ["round_seconds": MetricResult(unit: "seconds", better: .lower, samples: values)]
        )
    }

    private static func results(_ benchmarks: [BenchmarkResult], runID: String) -> BenchmarkResults {
        BenchmarkResults(
            tool: ToolInfo(name: "perfgate", version: "0.1.0"),
            run: RunInfo(
                id: runID,
                startedAt: "2026-11-29T00:00:00Z",
                finishedAt: "2026-11-29T00:01:00Z",
                suite: "speed",
                environment: EnvironmentInfo(os: "Linux", build: "release")
            ),
            benchmarks: benchmarks
        )
    }
}
