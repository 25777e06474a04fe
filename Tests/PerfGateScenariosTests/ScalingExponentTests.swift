import Foundation
import PerfGateComparison
import PerfGateResults
import Testing

@testable import PerfGateScenarios

struct ScalingExponentTests {
    /// Round times ∝ agents (exponent 1) in 3 processes of very different speed, ±2% seeded noise,
    /// 30 samples per count; `slowerAt50` multiplies the 50-agent samples.
    static func coordinationRun(seed: UInt64, slowerAt50: Double = 1, processSpeeds: [Double] = [1, 1.8, 1.3]) -> BenchmarkResults {
        var state = seed
        func noise() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return 0.98 + 0.04 * Double(state >> 11) / Double(1 << 53)
        }
        var benchmarks: [BenchmarkResult] = []
        for agents in [1, 10, 25, 50] {
            var samples: [Double] = []
            var processes: [Int] = []
            for sample in 0..<30 {
                let process = sample / 10
                let factor = agents == 50 ? slowerAt50 : 1
                samples.append(0.001 * Double(agents) * processSpeeds[process] * factor * noise())
                processes.append(process)
            }
            let parameters: [String: ParameterValue] = ["agents": .int(agents)]
            benchmarks.append(
                BenchmarkResult(
                    id: BenchmarkResult.makeID(name: "coordination/contract-net", parameters: parameters),
                    name: "coordination/contract-net", scenario: "coordination", parameters: parameters,
                    metrics: ["round_seconds": MetricResult(unit: "seconds", better: .lower, samples: samples, sampleProcesses: processes)]
                )
            )
        }
        DerivedMetrics.addScalingExponents(to: &benchmarks)
        let run = RunInfo(id: "run-\(seed)", startedAt: "2026-01-01T00:00:00Z", finishedAt: "2026-01-01T00:01:00Z", suite: "default")
        return BenchmarkResults(tool: ToolInfo(name: "perfgate", version: "test"), run: run, benchmarks: benchmarks)
    }

    /// A baseline of five runs of the same build, each with its own process speeds, joined as
    /// `bench baseline record` joins them (wall time is judged with the run as the unit).
    static func recordedBaseline() throws -> BenchmarkResults {
        let speeds: [[Double]] = [[1, 1.8, 1.3], [1.1, 1, 1.4], [1.3, 1.2, 1], [1, 1.5, 1.1], [1.6, 1, 1.2]]
        let runs = speeds.enumerated().map { index, speed in
            (results: coordinationRun(seed: UInt64(index + 1) * 11, processSpeeds: speed), file: "run\(index).json")
        }
        return try RunJoining.join(runs)
    }

    static func exponent(_ results: BenchmarkResults) throws -> MetricResult {
        let scaling = try #require(results.benchmarks.first { $0.id == "scaling/coordination/contract-net" })
        return try #require(scaling.metrics["scaling_exponent"])
    }

    @Test func theLogLogSlopeOfAPowerLawIsItsExponent() throws {
        let values = [1, 2, 4, 8, 50].map { 3.0 * pow(Double($0), 0.7) }
        let slope = try #require(DerivedMetrics.logLogSlope(agents: [1, 2, 4, 8, 50], values: values))
        #expect(abs(slope - 0.7) < 1e-12)
        #expect(DerivedMetrics.logLogSlope(agents: [5, 5], values: [1, 2]) == nil)
        #expect(DerivedMetrics.logLogSlope(agents: [1, 2], values: [1, 0]) == nil)
    }

    @Test func chunkMediansCoverEverySampleOnce() {
        #expect(DerivedMetrics.chunkMedians([1, 2, 3, 4, 5, 6, 7], chunks: 3) == [1.5, 3.5, 6])
        #expect(DerivedMetrics.chunkMedians([4, 1], chunks: 1) == [2.5])
    }

    @Test func aScalingBenchmarkIsDerivedWithOneSlopePerChunkAndProcessSpeedCancelsOut() throws {
        let metric = try Self.exponent(Self.coordinationRun(seed: 1))
        #expect(metric.samples.count == 30)
        #expect(metric.unit == "exponent" && metric.better == .lower)
        #expect(metric.sampleProcesses == (0..<30).map { $0 / 10 })
        // Processes differ by up to 1.8×, yet every slope stays within the ±2% noise of exponent 1.
        #expect(metric.samples.allSatisfy { abs($0 - 1) < 0.03 })
    }

    @Test func scenariosWithOneAgentCountOrNoScalingSourceGetNoScalingBenchmark() {
        var results = [
            BenchmarkResult(
                id: "coordination/x[agents=5]", name: "coordination/x", scenario: "coordination", parameters: ["agents": .int(5)],
                metrics: ["round_seconds": MetricResult(unit: "seconds", better: .lower, samples: [1, 2])]
            ),
            BenchmarkResult(
                id: "belief/update[agents=1]", name: "belief/update", scenario: "belief-update", parameters: ["agents": .int(1)],
                metrics: ["update_seconds": MetricResult(unit: "seconds", better: .lower, samples: [1, 2])]
            ),
        ]
        DerivedMetrics.addScalingExponents(to: &results)
        #expect(results.count == 2)
    }

    @Test func fiftyAgentsThirtyPercentSlowerWhileOneAgentIsNotFailsTheGateAndSaysWhy() throws {
        let baseline = try Self.recordedBaseline()
        let candidate = Self.coordinationRun(seed: 2, slowerAt50: 1.3, processSpeeds: [1.2, 1, 1.6])
        #expect(try Self.exponent(candidate).summary.p50 > Self.exponent(baseline).summary.p50 + 0.04)
        let comparison = Comparator(thresholds: .default).compare(
            baseline: baseline, baselinePath: "a.json", candidate: candidate, candidatePath: "b.json"
        )
        let scaling = try #require(
            comparison.results.first { $0.benchmark == "scaling/coordination/contract-net" && $0.metric == "scaling_exponent" }
        )
        #expect(comparison.verdict == .fail)
        #expect(scaling.status == .regressed)
        #expect(scaling.reason.contains("coordination/contract-net scales worse with the agent count"))
        #expect(scaling.reason.contains("the largest agent counts slowed more than the smallest"))
        let oneAgent = try #require(
            comparison.results.first { $0.benchmark == "coordination/contract-net[agents=1]" && $0.metric == "round_seconds" }
        )
        #expect(oneAgent.status != .regressed)
    }

    @Test func theSameBuildMeasuredTwiceKeepsTheExponentUnchanged() throws {
        let comparison = Comparator(thresholds: .default).compare(
            baseline: try Self.recordedBaseline(), baselinePath: "a.json",
            candidate: Self.coordinationRun(seed: 3, processSpeeds: [1.5, 1, 1.1]), candidatePath: "b.json"
        )
        let scaling = try #require(comparison.results.first { $0.metric == "scaling_exponent" })
        #expect(scaling.status == .unchanged)
    }
}
