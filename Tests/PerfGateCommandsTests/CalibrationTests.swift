import Foundation
import PerfGateReports
import PerfGateResults
import Testing

@testable import PerfGateCommands

/// `bench calibrate`'s analysis on synthetic runs, its usage errors, and the documented thresholds.
struct CalibrationTests {
    /// One benchmark `belief/update` whose 30 samples are centred on `center` with ±`spread` seeded noise.
    static func run(center: Double, spread: Double = 0.01, seed: UInt64) -> BenchmarkResults {
        var state = seed &+ 1
        let samples = (0..<30).map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return center * (1 - spread + 2 * spread * Double(state >> 11) / Double(1 << 53))
        }
        let benchmark = BenchmarkResult(
            id: "belief/update", name: "belief/update", scenario: "belief-update", parameters: [:],
            metrics: ["update_seconds": MetricResult(unit: "seconds", better: .lower, samples: samples)]
        )
        let info = RunInfo(id: "r\(seed)", startedAt: "2026-01-01T00:00:00Z", finishedAt: "2026-01-01T00:00:01Z", suite: "quick")
        return BenchmarkResults(tool: ToolInfo(name: "perfgate", version: "t"), run: info, benchmarks: [benchmark])
    }

    @Test func quietRunsNeverFailAndAFiftyPercentSlowdownIsAlwaysCaught() throws {
        let unmodified: [BenchmarkResults] = (0..<4).map { index in Self.run(center: 1e-3, seed: UInt64(index)) }
        let slightly: [BenchmarkResults] = (0..<3).map { index in Self.run(center: 1.02e-3, seed: UInt64(10 + index)) }
        let much: [BenchmarkResults] = (0..<3).map { index in Self.run(center: 1.5e-3, seed: UInt64(20 + index)) }
        let slowed = [slightly, much]
        let analysis = CalibrationAnalysis(
            unmodified: unmodified, slowed: slowed, slowdowns: [0.02, 0.5], thresholds: .default, workerCount: 2
        )
        let row = try #require(analysis.rows.first { $0.benchmark == "belief/update" })
        #expect(analysis.aaComparisons == 6)
        #expect(row.falseFailures == 0 && analysis.overallFalseFailureRate == 0)
        // Every unmodified run against every slowed run: 4 × 3 pairs per slowdown.
        #expect(row.caught == [0, 12] && row.pairs == 12)
        #expect(row.smallestObserved == 0.5)
        #expect(row.maxRegression == 0.05)
        // Quiet runs: the limit floor is about the limit itself.
        #expect(row.smallestModelled >= 0.05 && row.smallestModelled < 0.10)
        #expect(row.recommendedLimit != nil && !row.tooNoisy)
    }

    @Test func runsThatDriftBetweenProcessesAreNamedTooNoisy() throws {
        let unmodified = [1.0, 1.3, 0.8, 1.25].enumerated().map { Self.run(center: 1e-3 * $0.element, seed: UInt64($0.offset)) }
        let analysis = CalibrationAnalysis(
            unmodified: unmodified, slowed: [], slowdowns: [], thresholds: .default, workerCount: 2
        )
        let row = try #require(analysis.rows.first)
        #expect(row.betweenRunNoise > 0.2)
        #expect(row.falseFailures > 0)
        #expect(row.tooNoisy && (row.recommendedWorkers ?? 0) > 2)
        let report = CalibrationReport(analysis: analysis, command: "bench calibrate", date: "d", machine: "m", notes: [])
        #expect(report.terminalText.contains("too noisy to gate 5%: belief/update update_seconds"))
    }

    @Test func noetherSampleSizeShrinksAsTheShiftGrows() {
        let model = CalibrationModel(alpha: 0.01, power: 0.95)
        let small = model.samplesNeeded(shift: 0.02, cv: 0.05)
        let large = model.samplesNeeded(shift: 0.10, cv: 0.05)
        #expect(small > large && large >= 5)
        #expect(model.mannWhitneyShift(samples: 2, cv: 0.05) == .infinity)
        #expect(model.mannWhitneyShift(samples: 1000, cv: 0.05) < 0.02)
        // Too few samples for Noether's approximation, enough for complete separation to reach alpha:
        // the shift that orders all 100 pairs with 95% power, z(1 − 0.05/100) = 3.29 standard deviations of the difference.
        let separation = model.mannWhitneyShift(samples: 10, cv: 0.001)
        #expect(abs(separation - 0.001 * 2.0.squareRoot() * 3.2905) < 1e-5)
        #expect(model.mannWhitneyShift(samples: 4, cv: 0.001) == .infinity)  // 2/C(8,4) = 0.029 never reaches 0.01
    }

    /// `run(center:)` with an `instructions` metric of 10 identical samples added.
    static func runWithInstructions(center: Double, spread: Double, instructions: Double, seed: UInt64) -> BenchmarkResults {
        var results = run(center: center, spread: spread, seed: seed)
        results.benchmarks[0].metrics["instructions"] = MetricResult(unit: "count", better: .lower, samples: Array(repeating: instructions, count: 10))
        return results
    }

    @Test func instructionsCatchASlowdownThatNoisyWallTimeMisses() throws {
        // Wall time drifts ±30% between runs and hides a 2% slowdown; the instruction count moves by exactly 2%.
        let centers = [1.0, 1.3, 0.8, 1.25]
        let unmodified = centers.enumerated().map {
            Self.runWithInstructions(center: 1e-3 * $0.element, spread: 0.01, instructions: 967_543, seed: UInt64($0.offset))
        }
        let slowed = [[1.1, 0.85].enumerated().map {
            Self.runWithInstructions(center: 1.02e-3 * $0.element, spread: 0.01, instructions: 967_543 * 1.02, seed: UInt64(10 + $0.offset))
        }]
        let analysis = CalibrationAnalysis(unmodified: unmodified, slowed: slowed, slowdowns: [0.02], thresholds: .default, workerCount: 3)
        let instructions = try #require(analysis.rows.first { $0.metric == "instructions" })
        #expect(instructions.falseFailures == 0 && instructions.caught == [8] && instructions.betweenRunNoise == 0)
        let report = CalibrationReport(analysis: analysis, command: "bench calibrate", date: "d", machine: "m", notes: [])
        #expect(report.groups.map(\.group) == ["belief (instructions)", "belief"])
        #expect(report.instructionFindings == [
            "`belief/update`: instructions reliably caught 2% where wall time did not; A/A false failures 0/6 on instructions "
                + "(noise 0%) against \(analysis.rows.first { $0.metric == "update_seconds" }!.falseFailures)/6 on wall time (noise "
                + "\(CalibrationReport.percent(analysis.rows.first { $0.metric == "update_seconds" }!.betweenRunNoise)))."
        ])
        #expect(report.markdown(baselines: [], thresholdsTable: "").contains("## What instruction counts catch that wall time cannot"))
    }

    @Test func theBaselineTableGivesEachGatedMetricsBudgetAndReason() throws {
        let unmodified = (0..<3).map { Self.run(center: 1e-4, seed: UInt64($0)) }
        let analysis = CalibrationAnalysis(unmodified: unmodified, slowed: [], slowdowns: [], thresholds: .default, workerCount: 3)
        let rows = CalibrationReport.baselineRows(run: unmodified[0], analysis: analysis, thresholds: .default)
        #expect(rows[0].suffix(3) == ["allowed regression", "budget", "why"])
        let update = try #require(rows.first { $0.first == "belief/update" })
        #expect(update[6] == "+5%" && update[7] == "—")
        #expect(update[8].hasPrefix("Belief updates are the agents' inner loop"))
        let budget = Budget(statistic: .p95, max: 0.5)
        #expect(ThresholdsTable.budgetText(budget, unit: "seconds") == "p95 ≤ 0.5 seconds")
    }

    @Test func theLoadNoteSeparatesTheFirstRunFromTheCommandsOwnRuns() {
        let runs = [0.3, 1.8, 2.6].enumerated().map { index, load in
            var run = Self.run(center: 1e-4, seed: UInt64(index))
            run.run.environment = EnvironmentInfo(logicalCores: 2, loadAverageBefore: load)
            return run
        }
        #expect(MeasurementContext.notes(runs: runs) == [
            "Load average (1 min) before the first run: 0.3; before the others 1.8–2.6, which includes this command's own previous runs."
        ])
        #expect(MeasurementContext.notes(runs: [runs[2]]).first?.hasSuffix(
            "Above the core count (2), other work shared the cores and the figures are noisier than on an idle machine.") == true)
    }

    @Test func runsAreInterleavedSoThatDriftOverTimeIsSharedByTheConditions() {
        let order = CalibrateCommand.Measurement.schedule(unmodifiedRuns: 4, slowedRuns: 2, slowdowns: 3)
        #expect(order == [nil, 0, 1, 2, nil, 0, 1, 2, nil, nil])
        #expect(CalibrateCommand.Measurement.schedule(unmodifiedRuns: 1, slowedRuns: 2, slowdowns: 1) == [nil, 0, 0])
    }

    @Test func settlingWaitsForHalfTheCores() {
        #expect(LoadSettling.target(cores: 2) == 1.0 && LoadSettling.target(cores: 0) == 0.5)
    }

    @Test func badSlowdownsAreAUsageError() async {
        let run = await runBench(["calibrate", "--slowdowns", "0.1,abc"])
        #expect(run.status == .failure)
        #expect(run.standardError.contains("--slowdowns expects comma-separated fractions"))
    }

    @Test func theBaselinesDocumentShowsTheThresholdsInForce() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/BASELINES.md"), encoding: .utf8)
        let run = await runBench(["thresholds", "--thresholds", root.appendingPathComponent("Benchmarks/thresholds.json").path])
        let begin = try #require(document.range(of: "<!-- thresholds:begin -->\n"))
        let end = try #require(document.range(of: "<!-- thresholds:end -->"))
        #expect(
            String(document[begin.upperBound..<end.lowerBound]) == run.standardOutput,
            "docs/BASELINES.md's thresholds table is stale: rerun `bench calibrate` or paste `bench thresholds` between the markers"
        )
    }
}

struct CalibrationDocumentTests {
    @Test func aNewCalibrationKeepsTheStoredGateSectionOfTheOldDocument() {
        let old = "# T\n\nintro\n\n<!-- stored-baseline-gate:begin -->\nmeasured\n<!-- stored-baseline-gate:end -->\n\nold body\n"
        let new = "# Baselines\n\nGenerated now.\n\nnew body\n"
        let kept = CalibrationReport.keepingStoredGateSection(of: old, in: new)
        #expect(kept.hasPrefix("# Baselines\n\n<!-- stored-baseline-gate:begin -->\nmeasured\n<!-- stored-baseline-gate:end -->\n\nGenerated now."))
        #expect(kept.hasSuffix("new body\n"))
        #expect(CalibrationReport.keepingStoredGateSection(of: "nothing", in: new) == new)
    }
}
