import Foundation
import Testing

/// End-to-end runs of the built `bench` executable: a worker that crashes or hangs is reported as
/// status 2 naming the scenario, and the other scenarios' results are still written.
struct WorkerFailureTests {
    /// `bench` next to the test bundle (`swift build` puts both in `.build/<configuration>/`).
    static let benchPath: String? = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("bench").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// Two light-model belief scenarios, so a debug build runs them in seconds.
    private func makeScenarioFolder() throws -> URL {
        let folder = try makeTemporaryFolder()
        for (name, kind) in [("belief/light-update", "belief-update"), ("belief/light-convergence", "belief-convergence")] {
            let json = """
                {"schema": "perfgate/scenario@1", "name": "\(name)", "kind": "\(kind)", "summary": "test",
                 "agentModel": "light", "agents": {"quick": [1]}}
                """
            try Data(json.utf8).write(to: folder.appendingPathComponent("\(kind).json"))
        }
        return folder
    }

    private func runBench(_ arguments: [String]) throws -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.benchPath!)
        process.arguments = arguments
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errorData, as: UTF8.self))
    }

    @Test(.enabled(if: benchPath != nil, "the bench executable is not built next to the tests"))
    func aCrashingScenarioIsStatusTwoAndTheOthersAreStillWritten() throws {
        let folder = try makeScenarioFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("results.json").path
        let run = try runBench([
            "run", "--suite", "quick", "--scenarios", folder.path, "--quiet", "--samples", "4",
            "--inject-fault", "crash:belief/light-update", "--output", output,
        ])
        #expect(run.status == 2)
        #expect(run.error.contains("belief/light-update"))
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.contains("belief/light-convergence"))
        #expect(!written.contains("\"belief/light-update\""))
    }

    @Test(.enabled(if: benchPath != nil, "the bench executable is not built next to the tests"))
    func aHangingScenarioIsKilledAfterTheTimeoutAndNamed() throws {
        let folder = try makeScenarioFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("results.json").path
        let run = try runBench([
            "run", "--suite", "quick", "--scenarios", folder.path, "--quiet", "--samples", "4",
            "--inject-fault", "hang:belief/light-convergence", "--worker-timeout", "3", "--output", output,
        ])
        #expect(run.status == 2)
        #expect(run.error.contains("belief/light-convergence"))
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("belief/light-update"))
    }
}
