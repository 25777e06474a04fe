import PerfGateStatistics
import Foundation
import PerfGateComparison
import PerfGateResults
import Testing

@testable import PerfGateCommands

/// The pure parts of `bench ab`: block order, pooling, pairing and the paired decision, on
/// synthetic per-round samples.
struct ABMeasurementsTests {
    private static let id = "coordination/contract-net[agents=10]"

    /// A deterministic uniform in [0, 1) from a seed (SplitMix64 finaliser).
    private static func unit(_ seed: UInt64) -> Double {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
    }

    /// A block of `count` round times around `center` with ±`spread` relative noise.
    private static func block(center: Double, spread: Double = 0.02, count: Int = 6, seed: UInt64) -> BenchmarkResults {
        let samples = (0..<count).map { center * (1 + spread * (2 * unit(seed &* 1000 &+ UInt64($0)) - 1)) }
        let benchmark = BenchmarkResult(
            id: id,
            name: "coordination/contract-net",
            scenario: "coordination",
            parameters: ["agents": .int(10)],
            metrics: ["round_seconds": MetricResult(unit: "seconds", better: .lower, samples: samples)]
        )
        return BenchmarkResults(
            tool: ToolInfo(name: "perfgate", version: "0.1.0"),
            run: RunInfo(
                id: "block-\(seed)",
                startedAt: "2026-11-29T00:00:00Z",
                finishedAt: "2026-11-29T00:00:01Z",
                suite: "default"
            ),
            benchmarks: [benchmark]
        )
    }

    /// `rounds` rounds in which the machine's speed drifts by a factor from 1 to `drift` (slow
    /// phases shared by both blocks of a round) and the head is `slowdown` slower.
    static func measurements(rounds: Int, drift: Double, slowdown: Double, seed: UInt64 = 1) -> ABMeasurements {
        var measurements = ABMeasurements(rounds: rounds)
        for round in 0..<rounds {
            let phase = 1 + (drift - 1) * unit(seed &* 7919 &+ UInt64(round))
            let center = 0.01 * phase
            measurements.record(block(center: center, seed: seed &+ UInt64(2 * round)), side: .base, round: round)
            let headCenter = center * (1 + slowdown)
            measurements.record(
                block(center: headCenter, seed: seed &+ UInt64(2 * round + 1)),
                side: .head,
                round: round
            )
        }
        return measurements
    }

    private static let thresholds: Thresholds = {
        let json = """
            {"schema": "perfgate/thresholds@1", "alpha": 0.01, "correction": "holm",
             "defaults": {"statistic": "p50", "maxRegression": 0.05},
             "rules": [{"match": "coordination/*", "metric": "round_seconds", "statistic": "p95", "maxRegression": 0.10}]}
            """
        return try! ThresholdsFile.decode(Array(json.utf8), file: "test")  // A literal that is valid.
    }()

    private static func compare(_ measurements: ABMeasurements, method: ABOptions.Method) -> Comparison {
        ABComparisonBuilder(
            base: ABRevision(side: .base, commit: String(repeating: "a", count: 40)),
            head: ABRevision(side: .head, commit: nil),
            thresholds: thresholds,
            method: method
        ).compare(measurements)
    }

    @Test func blocksAlternateWhichSideGoesFirstEveryRound() {
        let blocks = ABSchedule.blocks(rounds: 3, benchmarks: ["a", "b"])
        let order = blocks.map { "\($0.round)\($0.benchmark)\($0.side == .base ? "A" : "B")" }
        #expect(order == ["0aA", "0aB", "0bA", "0bB", "1aB", "1aA", "1bB", "1bA", "2aA", "2aB", "2bA", "2bB"])
    }

    @Test func poolingConcatenatesEveryRoundsSamplesInRoundOrder() throws {
        let measurements = Self.measurements(rounds: 3, drift: 1, slowdown: 0)
        let pooled = ABMeasurements.pooled(measurements.base)
        let metric = try #require(pooled.first?.metrics["round_seconds"])
        let expected = measurements.base.flatMap { $0[Self.id]!.metrics["round_seconds"]!.samples }
        #expect(metric.samples == expected)
        #expect(metric.summary.count == 18)
    }

    @Test func pairedDifferencesAreLogRatiosOfBlockMedians() {
        let measurements = Self.measurements(rounds: 4, drift: 2, slowdown: 0.25)
        let differences = ABMeasurements.pairedDifferences(
            base: measurements.base,
            head: measurements.head,
            benchmark: Self.id,
            metric: "round_seconds"
        )
        #expect(differences.count == 4)
        for difference in differences {
            // The drift cancels within a round; what remains is the slowdown and ±2% noise.
            #expect(abs(difference - log(1.25)) < 0.05, "\(difference)")
        }
    }

    @Test func pairedDifferencesFallBackToPlainDifferencesWhenAMedianIsZero() {
        var base = ABMeasurements.Round()
        var head = ABMeasurements.Round()
        base["x"] = BenchmarkResult(
            id: "x",
            name: "x",
            scenario: "s",
            parameters: [:],
            metrics: ["timeout_ratio": MetricResult(unit: "ratio", better: .lower, samples: [0, 0, 0])]
        )
        head["x"] = BenchmarkResult(
            id: "x",
            name: "x",
            scenario: "s",
            parameters: [:],
            metrics: ["timeout_ratio": MetricResult(unit: "ratio", better: .lower, samples: [0.5, 0.5, 0])]
        )
        #expect(
            ABMeasurements.pairedDifferences(base: [base], head: [head], benchmark: "x", metric: "timeout_ratio") == [
                0.5
            ]
        )
    }

    @Test func pairingFindsASlowdownUnderDriftBetweenRounds() throws {
        // The machine's speed wanders by up to 2× between rounds; the head is 20% slower.
        let measurements = Self.measurements(rounds: 13, drift: 2, slowdown: 0.20)
        let paired = Self.compare(measurements, method: .paired)
        let result = try #require(paired.results.first { $0.metric == "round_seconds" })
        #expect(result.status == .regressed, "\(result.reason)")
        #expect(result.test?.name == "wilcoxon-signed-rank")
        #expect(result.test?.u == 91)  // Every one of the 13 rounds has the head slower: W⁺ = 13·14/2.
        #expect(paired.verdict == .fail)
    }

    @Test func roundsAsBlocksKeepFalseAlarmsAtAlphaWhenEachBlockLandsInItsOwnPhase() throws {
        // No change, but each block runs in a phase of its own (speed 1×–1.5×), as when phases are
        // shorter than a round: the 6 samples of a block move together. Counting 78 samples per side
        // as independent finds "differences"; pairing rounds, or pooling with the round as the block
        // (the unit the comparator now tests wall time with), does not.
        var sampleAlarms = 0
        var pooledAlarms = 0
        var pairedAlarms = 0
        let trials = 200
        for trial in 0..<trials {
            var measurements = ABMeasurements(rounds: 13)
            for round in 0..<13 {
                for (offset, side) in [ABRevision.Side.base, .head].enumerated() {
                    let seed = UInt64(trial * 1000 + round * 2 + offset)
                    let phase = 1 + 0.5 * Self.unit(seed &* 31 &+ 17)
                    measurements.record(Self.block(center: 0.01 * phase, seed: seed), side: side, round: round)
                }
            }
            let pooledResult = try #require(Self.compare(measurements, method: .pooled).results.first)
            #expect(pooledResult.test?.unit == .block)
            let pooled = try #require(pooledResult.test?.pValue)
            let paired = try #require(Self.compare(measurements, method: .paired).results.first?.test?.pValue)
            let samples = ABMeasurements.pooled(measurements.head)[0].metrics["round_seconds"]!.samples
            let baseSamples = ABMeasurements.pooled(measurements.base)[0].metrics["round_seconds"]!.samples
            if MannWhitneyU.test(candidate: samples, baseline: baseSamples).pValue < 0.01 { sampleAlarms += 1 }
            if pooled < 0.01 { pooledAlarms += 1 }
            if paired < 0.01 { pairedAlarms += 1 }
        }
        #expect(pairedAlarms <= trials / 50, "paired: \(pairedAlarms) of \(trials) below 0.01")
        #expect(pooledAlarms <= trials / 50, "pooled by round: \(pooledAlarms) of \(trials) below 0.01")
        #expect(sampleAlarms >= trials / 10, "samples as independent: \(sampleAlarms) of \(trials) below 0.01")
    }

    @Test func equalSidesUnderDriftPassWithBothMethods() {
        for seed: UInt64 in 1...5 {
            let measurements = Self.measurements(rounds: 13, drift: 2, slowdown: 0, seed: seed)
            #expect(Self.compare(measurements, method: .paired).verdict == .pass)
            #expect(Self.compare(measurements, method: .pooled).verdict == .pass)
        }
    }

    @Test func tooFewRoundsAreInconclusiveAndSayHowManyAreNeeded() throws {
        let measurements = Self.measurements(rounds: 5, drift: 1, slowdown: 0.5)
        let result = try #require(Self.compare(measurements, method: .paired).results.first)
        #expect(result.status == .inconclusive)
        #expect(result.samplesNeeded == 8)
        #expect(result.reason.contains("--rounds 8"), "\(result.reason)")
    }
}

/// `bench ab --replay`: the command's comparison and outputs from saved rounds, without builds.
struct ABReplayTests {
    @Test func savedRoundsAreReDecidedWithEitherMethodAndWrittenInEveryFormat() async throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = folder.appendingPathComponent("saved").path
        try ABMeasurementsTests.measurements(rounds: 13, drift: 2, slowdown: 0.20).write(toFolder: saved)
        let json = folder.appendingPathComponent("comparison.json").path
        let junit = folder.appendingPathComponent("junit.xml").path
        let results = folder.appendingPathComponent("results").path
        let paired = await runBench([
            "ab", "--replay", saved, "--thresholds", thresholdsPath, "--format", "markdown",
            "--report", "json=\(json)", "--report", "junit=\(junit)", "--results-dir", results,
        ])
        #expect(paired.status == .gateFailed, "\(paired.standardError)")
        #expect(paired.standardOutput.contains("regress"), "\(paired.standardOutput)")
        let comparison = try String(contentsOfFile: json, encoding: .utf8)
        #expect(comparison.contains("\"name\": \"wilcoxon-signed-rank\""))
        #expect(comparison.contains("\"verdict\": \"fail\""))
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("<failure"))
        for side in ["base", "head"] {
            #expect(FileManager.default.fileExists(atPath: "\(results)/\(side).json"))
            #expect(FileManager.default.fileExists(atPath: "\(results)/rounds/\(side)-13.json"))
        }
        // Unpaired, with the round as the unit, 13 rounds under 2× drift cannot see 20%: pairing is for that.
        let pooled = await runBench(["ab", "--replay", saved, "--thresholds", thresholdsPath, "--method", "pooled"])
        #expect(pooled.status == .success, "\(pooled.standardError)")
    }

    @Test func replayingAFolderWithoutRoundsIsStatusTwo() async throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await runBench(["ab", "--replay", folder.path])
        #expect(run.status == .failure)
        #expect(run.standardError.contains("--replay needs a folder written by bench ab --results-dir"))
    }
}
