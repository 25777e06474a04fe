import PerfGateComparison
import PerfGateResults
import PerfGateStatistics

/// Results, thresholds and comparisons built in code for the comparator tests.
enum Fixtures {
    /// `count` samples uniform on [low, high) from `seed` (53-bit values: ties are practically impossible).
    static func uniform(_ low: Double, _ high: Double, count: Int = 30, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in low + (high - low) * generator.nextUnitDouble() }
    }

    /// A metric from raw samples; the summary is computed with `SampleSummary(samples:)`.
    static func metric(_ samples: [Double], unit: String = "seconds", better: Better = .lower) -> MetricResult {
        MetricResult(unit: unit, better: better, samples: samples)
    }

    /// A benchmark without parameters (its id is its name).
    static func benchmark(_ name: String, _ metrics: [String: MetricResult]) -> BenchmarkResult {
        BenchmarkResult(id: name, name: name, scenario: "test", parameters: [:], metrics: metrics)
    }

    /// A benchmark with one lower-is-better `round_seconds` metric.
    static func benchmark(_ name: String, seconds samples: [Double]) -> BenchmarkResult {
        benchmark(name, ["round_seconds": metric(samples)])
    }

    /// A release build on a two-core test machine.
    static let environment = EnvironmentInfo(
        os: "Linux",
        arch: "x86_64",
        cpuModel: "Test CPU",
        logicalCores: 2,
        memoryBytes: 8 << 30,
        build: "release"
    )

    /// A results file holding `benchmarks`.
    static func results(
        _ benchmarks: [BenchmarkResult],
        runID: String = "run",
        environment: EnvironmentInfo? = Fixtures.environment,
        warnings: [String] = []
    ) -> BenchmarkResults {
        BenchmarkResults(
            tool: ToolInfo(name: "perfgate", version: "0.1.0"),
            run: RunInfo(
                id: runID,
                startedAt: "2026-11-29T00:00:00Z",
                finishedAt: "2026-11-29T00:01:00Z",
                suite: "test",
                git: GitInfo(commit: "\(runID)-commit"),
                environment: environment,
                warnings: warnings
            ),
            benchmarks: benchmarks
        )
    }

    /// Thresholds with alpha 0.01, Holm, and defaults of p50 with a 5 % limit, plus `rules`.
    static func thresholds(
        alpha: Double = 0.01,
        correction: Correction = .holm,
        statistic: SummaryStatistic = .p50,
        maxRegression: Double = 0.05,
        rules: [ThresholdRule] = []
    ) -> Thresholds {
        Thresholds(
            alpha: alpha,
            correction: correction,
            defaults: ThresholdRule(statistic: statistic, maxRegression: maxRegression),
            rules: rules
        )
    }

    /// Compares two lists of benchmarks under `thresholds`.
    static func compare(
        baseline: [BenchmarkResult],
        candidate: [BenchmarkResult],
        thresholds: Thresholds = Fixtures.thresholds()
    ) -> Comparison {
        Comparator(thresholds: thresholds).compare(
            baseline: results(baseline, runID: "baseline"),
            baselinePath: "baseline.json",
            candidate: results(candidate, runID: "candidate"),
            candidatePath: "candidate.json"
        )
    }

    /// Compares one metric (`bench` / `metric`) present on the sides that are not nil, and returns the
    /// comparison and its only result.
    static func compareOne(
        baseline: MetricResult?,
        candidate: MetricResult?,
        thresholds: Thresholds = Fixtures.thresholds()
    ) -> (comparison: Comparison, result: MetricComparison) {
        let comparison = compare(
            baseline: baseline.map { [benchmark("bench", ["metric": $0])] } ?? [],
            candidate: candidate.map { [benchmark("bench", ["metric": $0])] } ?? [],
            thresholds: thresholds
        )
        precondition(comparison.results.count == 1, "expected one result, got \(comparison.results.count)")
        return (comparison, comparison.results[0])
    }

    /// The contract's U of the candidate, by brute force: pairs with candidate > baseline, ties counting ½.
    static func bruteForceU(candidate: [Double], baseline: [Double]) -> Double {
        var u = 0.0
        for c in candidate {
            for b in baseline {
                if c > b { u += 1 } else if c == b { u += 0.5 }
            }
        }
        return u
    }
}
