import PerfGateComparison
import PerfGateResults
import PerfGateStatistics
import Testing

/// The unit of each test: samples for exchangeable metrics, runs (or processes, or boots) for wall time.
struct ComparatorNoiseModelTests {
    /// One run of `processes` worker processes × `perProcess` samples, every process at its own speed
    /// (the process factor) around `level`; the samples of a process vary by ±1%.
    static func run(
        level: Double, processFactors: [Double], perProcess: Int = 10, seed: UInt64, unit: String = "seconds"
    ) -> MetricResult {
        var random = SplitMix64(seed: seed)
        var samples: [Double] = []
        var processes: [Int] = []
        for (process, factor) in processFactors.enumerated() {
            for _ in 0..<perProcess {
                samples.append(level * factor * (0.99 + 0.02 * random.nextUnitDouble()))
                processes.append(process)
            }
        }
        return MetricResult(unit: unit, better: .lower, samples: samples, sampleProcesses: processes)
    }

    static func results(_ metric: MetricResult, id: String, boot: String?) -> BenchmarkResults {
        var environment = Fixtures.environment
        environment.bootId = boot
        var results = Fixtures.results([Fixtures.benchmark("bench", ["metric": metric])], runID: id, environment: environment)
        results.run.git = GitInfo(commit: "same-code")
        return results
    }

    /// K baseline runs on `boot` whose levels differ run to run by `levels`, joined.
    static func baseline(levels: [Double], factors: [Double] = [1, 1.3, 0.8], boot: String?) throws -> BenchmarkResults {
        let runs = levels.enumerated().map { index, level in
            (results: results(run(level: level, processFactors: factors, seed: UInt64(index + 1)), id: "b\(index)", boot: boot),
             file: "b\(index).json")
        }
        return try RunJoining.join(runs)
    }

    static func compare(
        baseline: BenchmarkResults, candidate: BenchmarkResults, history: [BenchmarkResults] = []
    ) -> (Comparison, MetricComparison) {
        let comparison = Comparator(thresholds: Fixtures.thresholds()).compare(
            baseline: baseline, baselinePath: "baseline.json", candidate: candidate, candidatePath: "candidate.json",
            history: history
        )
        return (comparison, comparison.results[0])
    }

    static let runLevels = [1.00, 1.03, 0.98, 1.01, 0.99]

    @Test func pooledSamplesFlagProcessNoiseThatTheRunLevelTestSeesThrough() throws {
        // The candidate's run happens to be 10% slower: a sample-level test sees 30 vs 150
        // "independent" samples and is sure; across runs, 10% is within what runs do here.
        let wide = [0.90, 1.12, 0.95, 1.08, 1.00]
        let steady = [1, 1.02, 0.98]
        let base = try Self.baseline(levels: wide, factors: steady, boot: "boot-1")
        let candidate = Self.results(Self.run(level: 1.10, processFactors: steady, seed: 99), id: "c", boot: "boot-1")
        let (_, result) = Self.compare(baseline: base, candidate: candidate)
        let test = try #require(result.test)
        #expect(test.name == "run-level-t")
        #expect(test.unit == .run)
        #expect(test.baselineCount == 5 && test.candidateCount == 1)
        #expect(test.degreesOfFreedom == 4)
        #expect(result.status == .unchanged)
        let pooled = MannWhitneyU.test(
            candidate: candidate.benchmarks[0].metrics["metric"]!.samples, baseline: base.benchmarks[0].metrics["metric"]!.samples
        )
        #expect(pooled.pValue < 0.01, "the sample-level test would have called this significant")
    }

    @Test func aRegressionFarBeyondTheRunToRunNoiseIsFlaggedByRuns() throws {
        let base = try Self.baseline(levels: Self.runLevels, boot: "boot-1")
        let candidate = Self.results(Self.run(level: 1.6, processFactors: [1, 1.3, 0.8], seed: 98), id: "c", boot: "boot-1")
        let (comparison, result) = Self.compare(baseline: base, candidate: candidate)
        #expect(result.status == .regressed)
        #expect(result.reason.contains("run-level t over 5 baseline runs"))
        #expect(comparison.verdict == .fail)
        // The mirror image is as easy to see and as rare on no change.
        let faster = Self.results(Self.run(level: 0.6, processFactors: [1, 1.3, 0.8], seed: 97), id: "f", boot: "boot-1")
        #expect(Self.compare(baseline: base, candidate: faster).1.status == .improved)
    }

    @Test func wallTimeFromAnotherBootIsNotJudgedButMemoryIs() throws {
        let base = try Self.baseline(levels: Self.runLevels, boot: "boot-1")
        let candidate = Self.results(Self.run(level: 1.6, processFactors: [1, 1, 1], seed: 96), id: "c", boot: "boot-2")
        let (comparison, result) = Self.compare(baseline: base, candidate: candidate)
        #expect(result.status == .inconclusive)
        #expect(result.test == nil)
        #expect(result.reason.contains("another boot") || result.reason.contains("other boot"))
        #expect(comparison.verdict == .pass)
        #expect(comparison.warnings.contains { $0.contains("not judged") })
        // Exchangeable samples (bytes) are tested sample by sample whatever the machine.
        let bytes = Self.run(level: 1000, processFactors: [1, 1, 1], seed: 5, unit: "bytes")
        let moreBytes = Self.run(level: 1100, processFactors: [1, 1, 1], seed: 6, unit: "bytes")
        let (_, memory) = Self.compare(
            baseline: Self.results(bytes, id: "mb", boot: "boot-1"), candidate: Self.results(moreBytes, id: "mc", boot: "boot-2")
        )
        #expect(memory.status == .regressed)
        #expect(memory.test?.unit == .sample)
    }

    @Test func aHistoryOfThreeBootsJudgesWallTimeBootByBoot() throws {
        let base = try Self.baseline(levels: Self.runLevels, boot: "boot-1")
        let history = ["boot-2", "boot-3", "boot-4"].enumerated().map { index, boot in
            Self.results(Self.run(level: 1.0 + 0.02 * Double(index), processFactors: [1, 1.3, 0.8], seed: UInt64(50 + index)), id: "h\(index)", boot: boot)
        }
        let candidate = Self.results(Self.run(level: 1.01, processFactors: [1, 1.3, 0.8], seed: 60), id: "c", boot: "boot-9")
        let (_, result) = Self.compare(baseline: base, candidate: candidate, history: history)
        let test = try #require(result.test)
        #expect(test.unit == .boot)
        #expect(test.baselineCount == 4)
        #expect(result.status == .unchanged)
    }

    @Test func aBaselineOfOneRunJudgesWallTimeByProcessAndSaysWhatIsMissing() throws {
        let base = Self.results(Self.run(level: 1, processFactors: [1, 1.3, 0.8], seed: 1), id: "b", boot: "boot-1")
        let candidate = Self.results(Self.run(level: 1.6, processFactors: [1, 1.3, 0.8], seed: 2), id: "c", boot: "boot-1")
        let (_, result) = Self.compare(baseline: base, candidate: candidate)
        #expect(result.status == .inconclusive)
        #expect(result.test?.unit == .block)
        #expect(result.reason.contains("3 vs 3 worker processes"))
        #expect(result.reason.contains("bench baseline record"))
    }

    @Test func filesWithoutBlockLabelsAreComparedSampleBySampleAsBefore() {
        let (_, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(Fixtures.uniform(1.0, 1.1, seed: 1)),
            candidate: Fixtures.metric(Fixtures.uniform(1.2, 1.3, seed: 2))
        )
        #expect(result.test?.name == "mann-whitney-u")
        #expect(result.test?.unit == .sample)
        #expect(result.status == .regressed)
    }

    @Test func memorySizesThatDifferByAFewKiBAreTheSameMachine() {
        var old = Fixtures.environment
        old.memoryBytes = 25_276_510_208
        var new = old
        new.memoryBytes = 25_276_182_528
        #expect(EnvironmentWarningsTests.warnings(baseline: old, candidate: new).isEmpty)
        new.memoryBytes = 8 << 30
        #expect(EnvironmentWarningsTests.warnings(baseline: old, candidate: new).count == 1)
    }

    @Test func theNoiseModelSaysWhichSamplesAreExchangeable() {
        #expect(NoiseModel.samplesAreExchangeable(metric: "bytes_per_agent", unit: "bytes"))
        #expect(NoiseModel.samplesAreExchangeable(metric: "instructions", unit: "count"))
        #expect(!NoiseModel.samplesAreExchangeable(metric: "round_seconds", unit: "seconds"))
        #expect(!NoiseModel.samplesAreExchangeable(metric: "throughput_per_second", unit: "per_second"))
        #expect(!NoiseModel.samplesAreExchangeable(metric: "scaling_exponent", unit: "exponent"))
        #expect(!NoiseModel.samplesAreExchangeable(metric: "efficiency_ratio", unit: "ratio"))
    }
}
