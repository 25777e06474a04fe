import Foundation
import Testing

@testable import PerfGateCommands

struct CompareCommandTests {
    /// A baseline, an equal candidate (other seed) and a candidate 20% slower at 50 agents.
    private func makeFiles() throws -> (folder: URL, baseline: String, same: String, slower: String) {
        let folder = try makeTemporaryFolder()
        var baseline = ResultsFixture(runID: "base")
        var same = ResultsFixture(runID: "same")
        var slower = ResultsFixture(runID: "slower")
        for (index, agents) in [1, 10, 50].enumerated() {
            let center = 0.001 * Double(agents)
            baseline.add(agents: agents, samples: ResultsFixture.samples(center: center, seed: UInt64(index)))
            same.add(agents: agents, samples: ResultsFixture.samples(center: center, seed: UInt64(index + 10)))
            let factor = agents == 50 ? 1.2 : 1.0
            slower.add(agents: agents, samples: ResultsFixture.samples(center: center * factor, seed: UInt64(index + 20)))
        }
        return (
            folder, try baseline.write(to: folder, name: "baseline.json"), try same.write(to: folder, name: "same.json"),
            try slower.write(to: folder, name: "slower.json")
        )
    }

    @Test(arguments: ["text", "markdown", "json", "junit"])
    func equalRunsPassInEveryFormat(format: String) async throws {
        let files = try makeFiles()
        defer { try? FileManager.default.removeItem(at: files.folder) }
        let run = await runBench(["compare", files.baseline, files.same, "--format", format, "--thresholds", thresholdsPath])
        #expect(run.status == .success, "\(run.standardError)\n\(run.standardOutput)")
        #expect(!run.standardOutput.isEmpty)
    }

    @Test(arguments: ["text", "markdown", "json", "junit"])
    func aTwentyPercentSlowdownFailsTheGateInEveryFormat(format: String) async throws {
        let files = try makeFiles()
        defer { try? FileManager.default.removeItem(at: files.folder) }
        let run = await runBench(["compare", files.baseline, files.slower, "--format", format, "--thresholds", thresholdsPath])
        #expect(run.status == .gateFailed, "\(run.standardError)")
        #expect(run.standardOutput.contains("coordination/contract-net[agents=50]") || format == "markdown")
    }

    @Test func jsonOutputNamesTheRegressedBenchmarkAndVerdict() async throws {
        let files = try makeFiles()
        defer { try? FileManager.default.removeItem(at: files.folder) }
        let run = await runBench(["compare", files.baseline, files.slower, "--format", "json", "--thresholds", thresholdsPath])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "perfgate/comparison@1")
        #expect(object["verdict"] as? String == "fail")
        let results = try #require(object["results"] as? [[String: Any]])
        let regressed = results.filter { $0["status"] as? String == "regressed" }
        #expect(regressed.map { $0["benchmark"] as? String } == ["coordination/contract-net[agents=50]"])
    }

    @Test func writingToAFileLeavesTheSummaryOnStandardError() async throws {
        let files = try makeFiles()
        defer { try? FileManager.default.removeItem(at: files.folder) }
        let output = files.folder.appendingPathComponent("report.md").path
        let run = await runBench(["compare", files.baseline, files.slower, "--format", "markdown", "--output", output, "--thresholds", thresholdsPath])
        #expect(run.status == .gateFailed)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("report written to"))
        #expect(FileManager.default.fileExists(atPath: output))
    }

    @Test func aMissingFileIsStatusTwoWithOneErrorLine() async throws {
        let files = try makeFiles()
        defer { try? FileManager.default.removeItem(at: files.folder) }
        let run = await runBench(["compare", files.baseline, "/nonexistent/candidate.json"])
        #expect(run.status == .failure)
        #expect(run.standardError.hasPrefix("bench: error: "))
        #expect(run.standardError.contains("/nonexistent/candidate.json"))
        #expect(run.standardError.split(separator: "\n").count == 1)
    }

    @Test func aTruncatedFileIsStatusTwoAndNeverAGateFailure() async throws {
        let files = try makeFiles()
        defer { try? FileManager.default.removeItem(at: files.folder) }
        let broken = files.folder.appendingPathComponent("broken.json")
        try Data(#"{"schema": "perfgate/results@1", "tool": "#.utf8).write(to: broken)
        let run = await runBench(["compare", files.baseline, broken.path])
        #expect(run.status == .failure)
        #expect(run.standardError.contains("broken.json"))
    }

    @Test func differentBuildConfigurationsWarnAndSayWhichIsWhich() async throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var release = ResultsFixture(runID: "r")
        var debug = ResultsFixture(runID: "d", build: "debug", cpuModel: "Other CPU")
        release.add(agents: 1, samples: ResultsFixture.samples(center: 1, seed: 1))
        debug.add(agents: 1, samples: ResultsFixture.samples(center: 1, seed: 2))
        let run = await runBench([
            "compare", try release.write(to: folder, name: "r.json"), try debug.write(to: folder, name: "d.json"),
            "--format", "json",
        ])
        #expect(run.standardOutput.contains("the baseline is a release build and the candidate a debug build"))
        #expect(run.standardOutput.contains("environments differ: cpuModel"))
    }

    @Test func aBadFormatIsAUsageError() async {
        let run = await runBench(["compare", "a.json", "b.json", "--format", "yaml"])
        #expect(run.status == .failure)
        #expect(run.standardError.contains("--format must be one of text, markdown, json, junit"))
    }
}

/// The committed thresholds file, found from this source file's location.
let thresholdsPath: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Benchmarks/thresholds.json").path
}()

/// `--history` on `bench compare`: an empty folder is no history, a broken file is status 2.
struct CompareHistoryTests {
    @Test func anEmptyHistoryFolderIsNoHistoryAndABrokenFileIsStatusTwo() async throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var baseline = ResultsFixture(runID: "base")
        var same = ResultsFixture(runID: "same")
        baseline.add(agents: 1, samples: ResultsFixture.samples(center: 0.001, seed: 1))
        same.add(agents: 1, samples: ResultsFixture.samples(center: 0.001, seed: 2))
        let basePath = try baseline.write(to: folder, name: "baseline.json")
        let samePath = try same.write(to: folder, name: "same.json")
        let history = folder.appendingPathComponent("history")
        try FileManager.default.createDirectory(at: history, withIntermediateDirectories: true)
        let empty = await runBench(["compare", basePath, samePath, "--history", history.path, "--thresholds", thresholdsPath])
        #expect(empty.status == .success, "\(empty.standardError)")
        #expect(empty.standardOutput.contains("holds no results yet"))
        try Data("{\"schema\": \"perfgate/results@1\"".utf8).write(to: history.appendingPathComponent("broken.json"))
        let broken = await runBench(["compare", basePath, samePath, "--history", history.path, "--thresholds", thresholdsPath])
        #expect(broken.status == .failure)
        #expect(broken.standardError.hasPrefix("bench: error: \(history.path)/broken.json"))
        let missing = await runBench(["compare", basePath, samePath, "--history", "/no/such/folder"])
        #expect(missing.status == .failure)
        #expect(missing.standardError.contains("/no/such/folder: no such file or folder"))
    }
}
