import Foundation
import PerfGateStatistics

/// Builds results files as raw JSON text, the way another tool would write them.
struct ResultsFixture {
    var runID = "20261129T000000Z-test"
    var build = "release"
    var cpuModel = "Test CPU"
    /// (benchmark id, name, agents, metric, unit, better, samples)
    var metrics: [(id: String, name: String, agents: Int, metric: String, unit: String, better: String, samples: [Double])] = []

    /// Deterministic lognormal-ish samples around `center` with relative spread `spread`.
    static func samples(center: Double, spread: Double = 0.02, count: Int = 30, seed: UInt64) -> [Double] {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let uniform = Double(state >> 11) / Double(1 << 53)
            return center * (1 + spread * (uniform * 2 - 1))
        }
    }

    mutating func add(agents: Int, metric: String = "round_seconds", unit: String = "seconds", better: String = "lower", samples: [Double]) {
        metrics.append(("coordination/contract-net[agents=\(agents)]", "coordination/contract-net", agents, metric, unit, better, samples))
    }

    var json: String {
        var grouped: [(String, String, Int, [String])] = []
        for entry in metrics {
            let summary = SampleSummary(samples: entry.samples)
            let metricJSON = """
                "\(entry.metric)": {"unit": "\(entry.unit)", "better": "\(entry.better)",
                  "samples": [\(entry.samples.map { "\($0)" }.joined(separator: ", "))],
                  "summary": {"count": \(summary.count), "min": \(summary.min), "p50": \(summary.p50), "p90": \(summary.p90),
                    "p95": \(summary.p95), "p99": \(summary.p99), "max": \(summary.max), "mean": \(summary.mean), "stddev": \(summary.stddev)}}
                """
            if let index = grouped.firstIndex(where: { $0.0 == entry.id }) {
                grouped[index].3.append(metricJSON)
            } else {
                grouped.append((entry.id, entry.name, entry.agents, [metricJSON]))
            }
        }
        let benchmarks = grouped.map { id, name, agents, metrics in
            """
            {"id": "\(id)", "name": "\(name)", "scenario": "coordination", "parameters": {"agents": \(agents)},
             "metrics": {\(metrics.joined(separator: ",\n"))}}
            """
        }
        return """
            {"schema": "perfgate/results@1", "tool": {"name": "perfgate", "version": "0.1.0"},
             "run": {"id": "\(runID)", "startedAt": "2026-11-29T00:00:00Z", "finishedAt": "2026-11-29T00:01:00Z",
                     "suite": "default", "git": {"commit": "abc1234", "branch": "main", "dirty": false},
                     "environment": {"os": "Linux", "cpuModel": "\(cpuModel)", "logicalCores": 2, "build": "\(build)"}},
             "benchmarks": [\(benchmarks.joined(separator: ",\n"))]}
            """
    }

    /// Writes the fixture into `folder` as `name` and returns the path.
    func write(to folder: URL, name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try json.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

/// A fresh temporary folder, removed by the caller.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("perfgate-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
