import PerfGateResults
import PerfGateStatistics

/// Documents and models shared by the tests.
enum Fixtures {
    /// A valid results file with two benchmarks, written by hand in the contract's layout.
    static let validResults = """
        {
          "schema": "perfgate/results@1",
          "tool": { "name": "perfgate", "version": "0.1.0" },
          "run": {
            "id": "20261129T012345Z-1a2b3c4",
            "startedAt": "2026-11-29T01:23:45Z",
            "finishedAt": "2026-11-29T01:25:02Z",
            "suite": "default",
            "git": { "commit": "1a2b3c4", "branch": "main", "dirty": false },
            "environment": {
              "os": "Linux", "kernel": "6.1.0", "arch": "x86_64",
              "cpuModel": "Test CPU", "logicalCores": 2, "memoryBytes": 25769803776,
              "swiftVersion": "6.3.1", "build": "release"
            }
          },
          "benchmarks": [
            {
              "id": "coordination/contract-net[agents=50]",
              "name": "coordination/contract-net",
              "scenario": "coordination",
              "parameters": { "agents": 50 },
              "metrics": {
                "round_seconds": {
                  "unit": "seconds", "better": "lower",
                  "samples": [0.0123, 0.0119, 0.0131],
                  "sampleProcesses": [0, 1, 2],
                  "summary": { "count": 3, "min": 0.0119, "p50": 0.0123, "p90": 0.01294,
                               "p95": 0.013025, "p99": 0.013097, "max": 0.0131,
                               "mean": 0.012433, "stddev": 0.000611 }
                }
              }
            },
            {
              "id": "api/get[clients=8,payload=small]",
              "name": "api/get",
              "scenario": "api",
              "parameters": { "payload": "small", "clients": 8 },
              "metrics": {
                "latency_seconds": {
                  "unit": "seconds",
                  "samples": [0.002, 0.003], "better": "lower",
                  "summary": { "count": 2, "min": 0.002, "p50": 0.0025, "p90": 0.0029,
                               "p95": 0.00295, "p99": 0.00299, "max": 0.003,
                               "mean": 0.0025, "stddev": 0.0007071067811865475 }
                }
              }
            }
          ]
        }
        """

    /// `validResults` with exactly one occurrence of `target` replaced; traps if `target` is not found once,
    /// so a fixture edit cannot silently turn a broken-file test into a test of a valid file.
    static func results(replacing target: String, with replacement: String) -> String {
        let parts = validResults.split(separator: target, omittingEmptySubsequences: false)
        precondition(parts.count == 2, "fixture must contain \(target) exactly once")
        return parts.joined(separator: replacement)
    }

    /// A summary computed the contract's way (type-7 percentiles, n − 1 standard deviation), so tests never
    /// depend on `SampleSummary(samples:)`.
    static func summary(of samples: [Double]) -> SampleSummary {
        precondition(!samples.isEmpty)
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double {
            let h = Double(sorted.count - 1) * p
            let low = Int(h.rounded(.down))
            let high = min(low + 1, sorted.count - 1)
            return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
        }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let squares = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let stddev = samples.count > 1 ? (squares / Double(samples.count - 1)).squareRoot() : 0
        return SampleSummary(
            count: samples.count,
            min: sorted[0],
            p50: percentile(0.5),
            p90: percentile(0.9),
            p95: percentile(0.95),
            p99: percentile(0.99),
            max: sorted[sorted.count - 1],
            mean: mean,
            stddev: stddev
        )
    }

    /// A metric whose summary is computed by ``summary(of:)``.
    static func metric(_ samples: [Double], unit: String = "seconds", better: Better = .lower) -> MetricResult {
        MetricResult(unit: unit, better: better, samples: samples, summary: summary(of: samples))
    }

    /// Results with `benchmarkCount` benchmarks of one metric holding `sampleCount` pseudo-random samples,
    /// drawn from a SplitMix64 generator seeded with `seed`.
    static func syntheticResults(benchmarkCount: Int, sampleCount: Int, seed: UInt64) -> BenchmarkResults {
        var generator = SplitMix64(seed: seed)
        let benchmarks = (0..<benchmarkCount).map { index in
            let samples = (0..<sampleCount).map { _ in 0.01 + Double(generator.next() >> 11) * 0x1p-53 * 0.002 }
            let parameters: [String: ParameterValue] = ["agents": .int(index), "mode": .string("fast")]
            let name = "coordination/synthetic"
            return BenchmarkResult(
                id: BenchmarkResult.makeID(name: name, parameters: parameters),
                name: name,
                scenario: "coordination",
                parameters: parameters,
                metrics: ["round_seconds": metric(samples)]
            )
        }
        let run = RunInfo(
            id: "20261129T000000Z-synthetic",
            startedAt: "2026-11-29T00:00:00Z",
            finishedAt: "2026-11-29T00:01:00Z",
            suite: "synthetic"
        )
        return BenchmarkResults(tool: ToolInfo(name: "perfgate", version: "0.1.0"), run: run, benchmarks: benchmarks)
    }
}

