import PerfGateComparison
import PerfGateResults
import Testing

/// Warnings about runs measured in conditions that make them hard to compare.
struct EnvironmentWarningsTests {
    static let samples = Fixtures.uniform(1.0, 1.1, seed: 70)

    /// The warnings of a comparison between runs with these environments and run warnings.
    static func warnings(
        baseline: EnvironmentInfo?,
        candidate: EnvironmentInfo?,
        baselineWarnings: [String] = [],
        candidateWarnings: [String] = []
    ) -> [String] {
        let benchmarks = [Fixtures.benchmark("x", seconds: samples)]
        return Comparator(thresholds: Fixtures.thresholds()).compare(
            baseline: Fixtures.results(benchmarks, environment: baseline, warnings: baselineWarnings),
            baselinePath: "baseline.json",
            candidate: Fixtures.results(benchmarks, environment: candidate, warnings: candidateWarnings),
            candidatePath: "candidate.json"
        ).warnings
    }

    @Test func identicalEnvironmentsGiveNoWarning() {
        #expect(Self.warnings(baseline: Fixtures.environment, candidate: Fixtures.environment).isEmpty)
    }

    @Test func aDifferentCPUModelIsNamedWithBothValues() {
        var other = Fixtures.environment
        other.cpuModel = "Other CPU"
        let warnings = Self.warnings(baseline: Fixtures.environment, candidate: other)
        #expect(warnings.count == 1)
        #expect(
            warnings.first?.hasPrefix(
                "environments differ: cpuModel \"Test CPU\" (baseline) vs \"Other CPU\" (candidate)"
            ) == true
        )
    }

    @Test func aDifferentCoreCountIsNamed() {
        var other = Fixtures.environment
        other.logicalCores = 8
        let warnings = Self.warnings(baseline: Fixtures.environment, candidate: other)
        #expect(warnings.count == 1)
        #expect(
            warnings.first?.hasPrefix("environments differ: logicalCores \"2\" (baseline) vs \"8\" (candidate)") == true
        )
    }

    @Test func aDebugCandidateAgainstAReleaseBaselineSaysWhichSideIsDebug() {
        var debug = Fixtures.environment
        debug.build = "debug"
        let warnings = Self.warnings(baseline: Fixtures.environment, candidate: debug)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("the baseline is a release build and the candidate a debug build") == true)
    }

    @Test func aDebugBaselineAgainstAReleaseCandidateSaysWhichSideIsDebug() {
        var debug = Fixtures.environment
        debug.build = "debug"
        let warnings = Self.warnings(baseline: debug, candidate: Fixtures.environment)
        #expect(warnings.first?.contains("the baseline is a debug build and the candidate a release build") == true)
    }

    @Test func twoDebugBuildsAreWarnedAbout() {
        var debug = Fixtures.environment
        debug.build = "debug"
        #expect(
            Self.warnings(baseline: debug, candidate: debug) == [
                "both runs are debug builds: timings do not reflect release performance"
            ]
        )
    }

    @Test func everyDifferingFieldGetsItsOwnWarning() {
        let other = EnvironmentInfo(
            os: "Darwin",
            arch: "arm64",
            cpuModel: "Other CPU",
            logicalCores: 8,
            memoryBytes: 16 << 30,
            build: "debug"
        )
        let warnings = Self.warnings(baseline: Fixtures.environment, candidate: other)
        #expect(warnings.count == 6)
        for field in ["cpuModel", "logicalCores", "arch", "os", "memoryBytes"] {
            #expect(warnings.contains { $0.hasPrefix("environments differ: \(field) ") }, "\(field)")
        }
        #expect(warnings.contains { $0.hasPrefix("build configurations differ") })
    }

    @Test func fieldsUnknownOnEitherSideAreNotCompared() {
        let unknown = EnvironmentInfo(os: "Linux")
        #expect(Self.warnings(baseline: Fixtures.environment, candidate: unknown).isEmpty)
        #expect(Self.warnings(baseline: nil, candidate: Fixtures.environment).isEmpty)
    }

    @Test func theRunsOwnWarningsAreKeptWithTheirSide() {
        let warnings = Self.warnings(
            baseline: Fixtures.environment,
            candidate: Fixtures.environment,
            baselineWarnings: ["high load"],
            candidateWarnings: ["debug build"]
        )
        #expect(warnings == ["baseline run: high load", "candidate run: debug build"])
    }
}
