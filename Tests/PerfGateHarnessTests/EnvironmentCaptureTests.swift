import Glibc
import PerfGateHarness
import PerfGateResults
import PerfGateStatistics
import Testing

/// 2026-11-29T01:23:45Z.
private let sampleTime = 1_795_915_425

struct EnvironmentCaptureTests {
    @Test func theEnvironmentNamesThisLinuxMachine() throws {
        let environment = EnvironmentCapture.current()
        #expect(environment.os == "Linux")
        #expect(environment.kernel?.isEmpty == false)
        #expect(environment.arch?.isEmpty == false)
        #expect((environment.logicalCores ?? 0) >= 1)
        #expect((environment.memoryBytes ?? 0) > 1 << 20)
        #expect(environment.swiftVersion?.hasPrefix("6.") == true)
        #expect(environment.build == "debug" || environment.build == "release")
        #expect(environment.loadAverageBefore != nil)
    }

    @Test func runIDsUseTheUTCTimeAndTheShortCommit() {
        var generator = SplitMix64(seed: 1)
        let id = RunIdentifier.make(secondsSinceEpoch: sampleTime, commit: "1A2B3C4D5E6F", using: &generator)
        #expect(id == "20261129T012345Z-1a2b3c4")
    }

    @Test func runIDsWithoutACommitGetSevenSeededHexDigits() {
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        let id = RunIdentifier.make(secondsSinceEpoch: sampleTime, commit: nil, using: &first)
        #expect(id == RunIdentifier.make(secondsSinceEpoch: sampleTime, commit: nil, using: &second))
        #expect(id.hasPrefix("20261129T012345Z-"))
        let suffix = id.dropFirst("20261129T012345Z-".count)
        #expect(suffix.count == 7)
        #expect(suffix.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func timestampsAreRFC3339InUTC() {
        #expect(RunIdentifier.rfc3339(secondsSinceEpoch: sampleTime) == "2026-11-29T01:23:45Z")
        #expect(RunIdentifier.rfc3339(secondsSinceEpoch: 0) == "1970-01-01T00:00:00Z")
    }

    @Test(.enabled(if: access("/usr/bin/git", X_OK) == 0, "needs git"))
    func gitInfoIsAbsentOutsideARepository() {
        #expect(GitCapture.current(directory: "/") == nil)
    }

    @Test(.enabled(if: access("/usr/bin/git", X_OK) == 0 && access(".git", F_OK) == 0, "needs git and a checkout"))
    func gitInfoOfThisCheckoutHasAFullCommitHash() throws {
        // `swift test` runs from the package root, a git work tree in development and CI.
        let git = try #require(GitCapture.current())
        #expect(git.commit?.count == 40)
        #expect(git.branch?.isEmpty == false)
        #expect(git.dirty != nil)
    }
}

struct MeasurementWarningsTests {
    private func summary(_ count: Int) -> SampleSummary {
        SampleSummary(count: count, min: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0, stddev: 0)
    }

    @Test func aDebugBuildAndAHighLoadAreWarnedAbout() {
        let environment = EnvironmentInfo(logicalCores: 2, build: "debug", loadAverageBefore: 1.5)
        let warnings = MeasurementWarnings.environmentWarnings(environment)
        #expect(warnings.count == 2)
        #expect(warnings[0].hasPrefix("debug build"))
        #expect(warnings[1].hasPrefix("load average 1.5 before the run exceeds 1.0"))
    }

    @Test func aQuietReleaseMachineGetsNoWarning() {
        let environment = EnvironmentInfo(logicalCores: 2, build: "release", loadAverageBefore: 0.3)
        #expect(MeasurementWarnings.environmentWarnings(environment).isEmpty)
    }

    @Test func onlyMetricsAboveTheVariationLimitAreWarnedAbout() {
        let noisy = [1.0, 2.0, 3.0]  // CV = 1 / 2 = 50 %
        let steady = [1.0, 1.01, 0.99]
        let benchmark = BenchmarkResult(
            id: "x/y",
            name: "x/y",
            scenario: "x",
            parameters: [:],
            metrics: [
                "noisy": MetricResult(unit: "seconds", better: .lower, samples: noisy, summary: summary(3)),
                "steady": MetricResult(unit: "seconds", better: .lower, samples: steady, summary: summary(3)),
            ]
        )
        let warnings = MeasurementWarnings.variationWarnings([benchmark])
        #expect(warnings == ["x/y noisy: coefficient of variation 50.0 % exceeds 10.0 %; the machine may be noisy"])
        var second = benchmark
        second.id = "x/z"
        #expect(
            MeasurementWarnings.variationWarnings([benchmark, second]) == [
                "coefficient of variation above 10.0 % in 2 metrics (x 2); the gate models this noise, `--verbose` lists them"
            ]
        )
        #expect(MeasurementWarnings.variationDetails([benchmark, second]) == ["x/y noisy 50.0 %", "x/z noisy 50.0 %"])
    }

    @Test func aJoinedBaselineRecomputesItsLoadAndVariationWarningsAndKeepsTheOthersOnce() {
        let benchmark = BenchmarkResult(
            id: "x/y", name: "x/y", scenario: "x", parameters: [:],
            metrics: ["steady": MetricResult(unit: "seconds", better: .lower, samples: [1.0, 1.01, 0.99], summary: summary(3))]
        )
        let run = RunInfo(
            id: "r", startedAt: "s", finishedAt: "f", suite: "default",
            environment: EnvironmentInfo(logicalCores: 2, loadAverageBefore: 0.5),
            warnings: [
                "load average 1.17 before the run exceeds 1.0 (0.5 × 2 cores): results may be noisy",
                "coefficient of variation above 10.0 % in 29 metrics (api 14); the gate models this noise",
                "a slowdown of 0.05 was injected on purpose (--inject-slowdown)",
            ]
        )
        let joined = BenchmarkResults(tool: ToolInfo(name: "perfgate", version: "t"), run: run, benchmarks: [benchmark])
        #expect(MeasurementWarnings.joinedWarnings(joined) == ["a slowdown of 0.05 was injected on purpose (--inject-slowdown)"])
    }

    @Test(arguments: [[Double](), [5], [0, 0]])
    func coefficientOfVariationIsUndefinedForTooFewSamplesOrAZeroMean(samples: [Double]) {
        #expect(MeasurementWarnings.coefficientOfVariation(samples) == nil)
    }
}
