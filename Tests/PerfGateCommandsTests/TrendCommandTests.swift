import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PerfGateResults
import PerfGateStatistics
import Testing

struct TrendCommandTests {
    /// A temporary folder of 30 results files (4 benchmarks, 2 metrics); the first benchmark is 25 %
    /// slower from run 17 on. Files are named so that their names do not sort in run order.
    static func makeHistory() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("trend-command-\(UUID().uuidString)").path
        var state: UInt64 = 2026
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
        for run in 0..<30 {
            var benchmarks: [BenchmarkResult] = []
            for agents in [1, 10, 25, 50] {
                let slow = agents == 1 && run >= 17 ? 1.25 : 1.0
                let rounds = (0..<15).map { _ in 0.0005 * Double(agents) * slow * (1 + 0.04 * (uniform() - 0.5)) }
                let parameters: [String: ParameterValue] = ["agents": .int(agents)]
                benchmarks.append(
                    BenchmarkResult(
                        id: BenchmarkResult.makeID(name: "coordination/contract-net", parameters: parameters),
                        name: "coordination/contract-net", scenario: "coordination", parameters: parameters,
                        metrics: [
                            "round_seconds": MetricResult(
                                unit: "seconds", better: .lower, samples: rounds, summary: SampleSummary(samples: rounds)
                            ),
                            "throughput_per_second": MetricResult(
                                unit: "per_second", better: .higher, samples: rounds.map { Double(agents) / $0 }
                            ),
                        ]
                    )
                )
            }
            let hour = run < 10 ? "0\(run)" : "\(run)"
            let stamp = run < 24 ? "2026-11-01T\(hour):00:00Z" : "2026-11-02T0\(run - 24):00:00Z"
            let commit = "c0ffee\(run < 10 ? "0" : "")\(run)" + String(repeating: "a", count: 32)
            let results = BenchmarkResults(
                tool: ToolInfo(name: "perfgate", version: "0.1.0"),
                run: RunInfo(
                    id: "run-\(run)", startedAt: stamp, finishedAt: stamp, suite: "default",
                    git: GitInfo(commit: commit, branch: "main", dirty: false)
                ),
                benchmarks: benchmarks
            )
            try ResultsFile.write(results, to: "\(folder)/results-\((run * 11) % 30 + 100).json")
        }
        return folder
    }

    @Test func `a folder of 30 results writes Markdown, SVG and HTML that find the slowdown at its run`() async throws {
        let folder = try Self.makeHistory()
        let report = folder + "-report/"
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: report)
        }
        let run = await runBench(["trend", folder, "--output", report])
        #expect(run.status == .success, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("30 runs, 8 series, 2 change points"))
        let markdown = try String(contentsOfFile: report + "trend.md", encoding: .utf8)
        #expect(markdown.contains("| 17 | run-17 | c0ffee1 |"))
        #expect(markdown.contains("charts/001-coordination-contract-net-agents-1-round_seconds.svg"))
        let svg = try String(contentsOfFile: report + "charts/001-coordination-contract-net-agents-1-round_seconds.svg", encoding: .utf8)
        #expect(svg.contains("#17 c0ffee1 +"))
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        let html = try String(contentsOfFile: report + "trend.html", encoding: .utf8)
        #expect(html.contains("<td class=\"n\">17</td><td>run-17</td>"))
        #expect(!html.contains("<script"))
        let charts = try FileManager.default.contentsOfDirectory(atPath: report + "charts")
        #expect(charts.count == 8)
        // The quiet benchmarks have no change point.
        #expect(markdown.components(separatedBy: "No change point.").count - 1 == 6)
    }

    @Test func `JSON goes to standard output and names the run and commit of the change`() async throws {
        let folder = try Self.makeHistory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = await runBench(["trend", folder, "--format", "json", "--metric", "round_seconds", "--filter", "*agents=1]"])
        #expect(run.status == .success, "\(run.standardError)")
        let json = try JSONValue.parse(Array(run.standardOutput.utf8))
        #expect(json["schema"] == "perfgate/trend@1")
        guard case .array(let series)? = json["series"], case .array(let changes)? = series.first?["changePoints"] else {
            Issue.record("expected series with changePoints")
            return
        }
        #expect(series.count == 1)
        #expect(changes.count == 1)
        #expect(changes[0]["index"] == 17)
        #expect(changes[0]["runId"] == "run-17")
        guard case .string(let commit)? = changes[0]["commit"] else {
            Issue.record("expected a commit")
            return
        }
        #expect(commit.hasPrefix("c0ffee17"))
    }

    @Test func `one series can be written as a single SVG, several cannot`() async throws {
        let folder = try Self.makeHistory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let one = await runBench(["trend", folder, "--format", "svg", "--metric", "round_seconds", "--filter", "*=50]"])
        #expect(one.status == .success)
        #expect(one.standardOutput.hasPrefix("<svg "))
        let many = await runBench(["trend", folder, "--format", "svg"])
        #expect(many.status == .failure)
        #expect(many.standardError.hasPrefix("bench: error: --format svg to one file needs exactly one series"))
    }

    @Test func `a broken results file is status 2 with the reader's one-line error`() async throws {
        let folder = try Self.makeHistory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{\"schema\": \"perfgate/results@1\", \"tool\":".write(toFile: folder + "/zz-broken.json", atomically: true, encoding: .utf8)
        let run = await runBench(["trend", folder, "--format", "json"])
        #expect(run.status == .failure)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.hasPrefix("bench: error: \(folder)/zz-broken.json: "))
        #expect(run.standardError.split(separator: "\n").count == 1)
    }

    @Test func `an empty folder, a missing file and a filter that matches nothing are status 2`() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("trend-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let none = await runBench(["trend", empty])
        #expect(none.status == .failure)
        #expect(none.standardError.contains("holds no results files"))
        let missing = await runBench(["trend", empty + "/nope.json"])
        #expect(missing.status == .failure)
        #expect(missing.standardError.contains("nope.json: no such file"))
        let folder = try Self.makeHistory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let unmatched = await runBench(["trend", folder, "--filter", "memory/*"])
        #expect(unmatched.status == .failure)
        #expect(unmatched.standardError.contains("no benchmark metric matches"))
    }

    @Test func `too few permutations to reach alpha find nothing, and a bad alpha is a usage error`() async throws {
        let folder = try Self.makeHistory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // With 9 permutations the smallest p-value is 1/10, never at most 0.01.
        let few = await runBench(["trend", folder, "--format", "json", "--permutations", "9"])
        #expect(few.status == .success)
        #expect(few.standardOutput.contains("\"permutations\" : 9") || few.standardOutput.contains("\"permutations\": 9"))
        #expect(!few.standardOutput.contains("\"runId\""))
        let bad = await runBench(["trend", folder, "--alpha", "2"])
        #expect(bad.status == .failure)
        #expect(bad.standardError.hasPrefix("bench: error: --alpha expects a number"))
    }
}
