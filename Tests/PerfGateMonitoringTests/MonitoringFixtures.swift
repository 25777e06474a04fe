import Foundation
import PerfGateMonitoring
import PerfGateResults
import PerfGateStatistics

/// Shared inputs of the monitoring tests.
enum MonitoringFixtures {
    /// The repository root (this file is Tests/PerfGateMonitoringTests/MonitoringFixtures.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The limits of the project's thresholds file.
    static var limits: MonitoringLimits {
        get throws { try MonitoringLimits(thresholds: .default) }
    }

    /// Deterministic samples around `center` (a linear congruential generator seeded with `seed`).
    static func samples(center: Double, count: Int = 20, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return center * (0.9 + 0.2 * Double(state >> 11) / Double(1 << 53))
        }
    }

    static func metric(_ unit: String, _ samples: [Double]) -> MetricResult {
        MetricResult(unit: unit, better: .lower, samples: samples, summary: SampleSummary(samples: samples))
    }

    static func benchmark(_ name: String, agents: Int?, _ metrics: [String: MetricResult]) -> BenchmarkResult {
        let parameters: [String: ParameterValue] = agents.map { ["agents": .int($0)] } ?? [:]
        return BenchmarkResult(
            id: BenchmarkResult.makeID(name: name, parameters: parameters), name: name,
            scenario: String(name.split(separator: "/")[0]), parameters: parameters, metrics: metrics
        )
    }

    /// A results file with coordination, memory, belief and API benchmarks; `commit` may hold odd text.
    static func results(commit: String = "1a2b3c4") -> BenchmarkResults {
        BenchmarkResults(
            tool: ToolInfo(name: "perfgate", version: "0.1.0"),
            run: RunInfo(
                id: "20261129T012345Z-1a2b3c4", startedAt: "2026-11-29T01:23:45Z", finishedAt: "2026-11-29T01:25:02Z",
                suite: "default", git: GitInfo(commit: commit)
            ),
            benchmarks: [
                benchmark("coordination/contract-net", agents: 10, [
                    "round_seconds": metric("seconds", samples(center: 0.012, seed: 1)),
                    "timeout_ratio": metric("ratio", samples(center: 0.01, seed: 2)),
                    "messages_per_round": metric("count", samples(center: 45, seed: 3)),
                ]),
                benchmark("coordination/contract-net", agents: 50, [
                    "round_seconds": metric("seconds", samples(center: 0.06, seed: 4)),
                    "throughput_per_second": metric("per_second", samples(center: 800, seed: 5)),
                ]),
                benchmark("memory/production-agent", agents: 10, [
                    "bytes_per_agent": metric("bytes", samples(center: 25_000_000, seed: 6)),
                ]),
                benchmark("belief/convergence", agents: 1, ["convergence_seconds": metric("seconds", samples(center: 0.8, seed: 7))]),
                benchmark("api/plan", agents: nil, ["latency_seconds": metric("seconds", samples(center: 0.2, seed: 8))]),
            ]
        )
    }

    /// A temporary folder, removed by the caller.
    static func makeTemporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("perfgate-monitoring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
