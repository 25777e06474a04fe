import PerfGateResults
import PerfGateStatistics
@testable import PerfGateTrend

/// Seeded synthetic data for the trend tests.
struct SyntheticSeries {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A uniform value in [0, 1) (SplitMix64).
    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(UInt64(1) << 53)
    }

    /// A standard normal value (Box–Muller).
    mutating func normal() -> Double {
        let u1 = max(uniform(), 1e-300)
        let u2 = uniform()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// `count` values around `level` with relative noise `noise`; from `stepAt` on multiplied by
    /// (1 + `step`).
    mutating func steps(count: Int, level: Double = 1, noise: Double = 0.02, stepAt: Int? = nil, step: Double = 0)
        -> [Double]
    {
        (0..<count).map { index in
            let factor = stepAt.map { index >= $0 ? 1 + step : 1 } ?? 1
            return level * factor * (1 + noise * normal())
        }
    }

    /// Samples of one run around `center`.
    mutating func samples(center: Double, count: Int = 15, noise: Double = 0.02) -> [Double] {
        (0..<count).map { _ in center * (1 + noise * normal()) }
    }

    /// A results file of one run with `metrics` (name → samples) of one benchmark.
    static func results(
        index: Int, benchmark: String = "coordination/contract-net", agents: Int = 10,
        metrics: [String: (unit: String, better: Better, samples: [Double])]
    ) -> BenchmarkResults {
        let hour = index % 24
        let day = 1 + index / 24
        let stamp = "2026-11-\(day < 10 ? "0" : "")\(day)T\(hour < 10 ? "0" : "")\(hour):00:00Z"
        let commit = String(repeating: String(index % 10), count: 7) + "deadbeef"
        let parameters: [String: ParameterValue] = ["agents": .int(agents)]
        let benchmarkResult = BenchmarkResult(
            id: BenchmarkResult.makeID(name: benchmark, parameters: parameters), name: benchmark,
            scenario: "coordination", parameters: parameters,
            metrics: metrics.mapValues { MetricResult(unit: $0.unit, better: $0.better, samples: $0.samples) }
        )
        return BenchmarkResults(
            tool: ToolInfo(name: "perfgate", version: "0.1.0"),
            run: RunInfo(
                id: "run-\(1000 + index)", startedAt: stamp, finishedAt: stamp, suite: "default",
                git: GitInfo(commit: commit, branch: "main", dirty: false)
            ),
            benchmarks: [benchmarkResult]
        )
    }
}

#if canImport(Glibc)
import Glibc
private func _log(_ x: Double) -> Double { Glibc.log(x) }
private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
import Darwin
private func _log(_ x: Double) -> Double { Darwin.log(x) }
private func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
