import Foundation
import PerfGateResults
import PerfGateStatistics
import Testing

struct ResultsFileTests {
    /// A fresh folder under the system's temporary folder, removed by `cleanUp`.
    private static func makeFolder() throws -> String {
        let path = NSTemporaryDirectory() + "perfgate-results-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func cleanUp(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func writingThenReadingGivesEqualResults() throws {
        let folder = try Self.makeFolder()
        defer { Self.cleanUp(folder) }
        var results = Fixtures.syntheticResults(benchmarkCount: 5, sampleCount: 30, seed: 1)
        results.run.git = GitInfo(commit: "abc", branch: nil, dirty: true)
        results.run.environment = EnvironmentInfo(os: "Linux", logicalCores: 2, loadAverageBefore: 0.25)
        results.run.warnings = ["debug build"]
        results.benchmarks[0].parameters["ratio"] = .double(0.5)
        results.benchmarks[0].parameters["cold"] = .bool(false)
        results.benchmarks[0].id = BenchmarkResult.makeID(
            name: results.benchmarks[0].name,
            parameters: results.benchmarks[0].parameters
        )
        results.benchmarks[1].metrics["bytes_per_agent"] = Fixtures.metric([1024, 2048, 4096], unit: "bytes")
        results.benchmarks[1].metrics["bytes_per_agent"]?.sampleProcesses = [0, 0, 1]
        let path = folder + "/nested/deeper/results.json"
        try ResultsFile.write(results, to: path)
        #expect(try ResultsFile.read(path: path) == results)
    }

    @Test func writesKeysInTheContractsOrder() throws {
        let results = Fixtures.syntheticResults(benchmarkCount: 1, sampleCount: 2, seed: 2)
        let text = String(decoding: try ResultsFile.encode(results), as: UTF8.self)
        let keys = ["\"schema\"", "\"tool\"", "\"run\"", "\"benchmarks\""].map { text.firstRange(of: $0)?.lowerBound }
        #expect(keys.allSatisfy { $0 != nil })
        #expect(keys.compactMap { $0 } == keys.compactMap { $0 }.sorted())
        #expect(text.contains(#""parameters": {\#n        "agents": 0,\#n        "mode": "fast"\#n      }"#))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func refusesToWriteResultsTheReaderWouldReject() throws {
        let folder = try Self.makeFolder()
        defer { Self.cleanUp(folder) }
        var results = Fixtures.syntheticResults(benchmarkCount: 1, sampleCount: 3, seed: 3)
        results.benchmarks[0].metrics["round_seconds"]?.samples[1] = .nan
        let path = folder + "/bad.json"
        let error = try #require(throws: ResultsError.self) { try ResultsFile.write(results, to: path) }
        #expect(error.jsonPath == "$.benchmarks[0].metrics.round_seconds.samples[1]")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func refusesToOverwriteWhenAskedAndLeavesTheOldFile() throws {
        let folder = try Self.makeFolder()
        defer { Self.cleanUp(folder) }
        let path = folder + "/results.json"
        let first = Fixtures.syntheticResults(benchmarkCount: 1, sampleCount: 3, seed: 4)
        let second = Fixtures.syntheticResults(benchmarkCount: 2, sampleCount: 3, seed: 5)
        try ResultsFile.write(first, to: path, overwrite: false)
        let error = try #require(throws: ResultsError.self) {
            try ResultsFile.write(second, to: path, overwrite: false)
        }
        #expect(error.description.contains("already exists"))
        #expect(try ResultsFile.read(path: path) == first)
        try ResultsFile.write(second, to: path)
        #expect(try ResultsFile.read(path: path) == second)
        // No temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["results.json"])
    }

    @Test func aMissingPathNamesTheFileAndSaysWhatToDo() throws {
        let error = try #require(throws: ResultsError.self) { try ResultsFile.read(path: "/nonexistent/results.json") }
        #expect(
            error.description
                == "/nonexistent/results.json: no such file; check the path (or run `bench run` to create results)"
        )
    }

    @Test func aDirectoryIsRefusedWithAHint() throws {
        let folder = try Self.makeFolder()
        defer { Self.cleanUp(folder) }
        let error = try #require(throws: ResultsError.self) { try ResultsFile.read(path: folder) }
        #expect(error.description.hasPrefix("\(folder): is a directory"))
    }

    @Test func anEmptyFileIsRefusedWithAHint() throws {
        let folder = try Self.makeFolder()
        defer { Self.cleanUp(folder) }
        let path = folder + "/empty.json"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let error = try #require(throws: ResultsError.self) { try ResultsFile.read(path: path) }
        #expect(error.description.hasPrefix("\(path): the file is empty"))
    }

    @Test(.enabled(if: getuid() != 0, "root can read a file without read permission"))
    func anUnreadableFileIsRefusedWithAHint() throws {
        let folder = try Self.makeFolder()
        defer { Self.cleanUp(folder) }
        let path = folder + "/secret.json"
        _ = FileManager.default.createFile(atPath: path, contents: Data("{}".utf8), attributes: [.posixPermissions: 0])
        let error = try #require(throws: ResultsError.self) { try ResultsFile.read(path: path) }
        #expect(error.description.contains("permission denied"))
    }

    @Test func aTruncatedFileOnDiskNamesTheFileAndThePath() throws {
        let folder = try Self.makeFolder()
        defer { Self.cleanUp(folder) }
        let path = folder + "/results.json"
        let bytes = Array(Fixtures.validResults.utf8)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes[0..<900]))
        let error = try #require(throws: ResultsError.self) { try ResultsFile.read(path: path) }
        #expect(error.file == path)
        #expect(error.jsonPath?.hasPrefix("$.benchmarks[0]") == true)
        #expect(error.message.contains("truncated"))
    }

    @Test func invalidUTF8OnDiskNamesTheByteOffset() throws {
        let folder = try Self.makeFolder()
        defer { Self.cleanUp(folder) }
        let path = folder + "/latin1.json"
        _ = FileManager.default.createFile(
            atPath: path,
            contents: Data(#"{"schema": "caf\#u{E9}"}"#.utf8.map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 != 0xA9 })
        )
        let error = try #require(throws: ResultsError.self) { try ResultsFile.read(path: path) }
        #expect(error.description.contains("invalid UTF-8 at byte offset 15"))
        #expect(error.jsonPath == "$.schema")
    }

    @Test func aFailedAtomicWriteLeavesNoTemporaryFile() throws {
        let folder = try Self.makeFolder()
        defer { Self.cleanUp(folder) }
        try FileManager.default.createDirectory(atPath: folder + "/taken", withIntermediateDirectories: false)
        let error = try #require(throws: ResultsError.self) {
            try AtomicFile.write(Array("x".utf8), to: folder + "/taken")
        }
        #expect(error.file == folder + "/taken")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["taken"])
    }

    @Test func anAtomicWriteUnderAFileInsteadOfAFolderFails() throws {
        let folder = try Self.makeFolder()
        defer { Self.cleanUp(folder) }
        _ = FileManager.default.createFile(atPath: folder + "/plain", contents: Data())
        let error = try #require(throws: ResultsError.self) {
            try AtomicFile.write(Array("x".utf8), to: folder + "/plain/out.json")
        }
        #expect(error.description.contains("plain"))
    }
}
