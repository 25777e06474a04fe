import Foundation
import PerfGateCommands
import PerfGateComparison
import PerfGateResults

/// `compare-files`: the time of `bench compare` on two large synthetic results files.
///
/// Three figures: (a) the statistics alone (the `Comparator` on results already in memory), (b) the
/// whole command in-process (reading and parsing both files, validating, comparing, rendering the
/// JSON report into memory), and (c) the whole command as a child process (`bench compare … --format
/// json`, standard output to /dev/null), which adds process start-up and writing the report.
enum CompareFilesSpeed {
    static func run(_ options: SpeedOptions) async throws -> [SpeedRow] {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runs = SyntheticRuns(benchmarks: options.benchmarks, samples: options.samples, seed: 20_261_129)
        let baselinePath = "\(folder)/baseline.json"
        let candidatePath = "\(folder)/candidate.json"
        try ResultsFile.write(runs.baseline, to: baselinePath)
        try ResultsFile.write(runs.candidate, to: candidatePath)
        let size = "\(options.benchmarks) × \(options.samples)"
        let bytes = try [baselinePath, candidatePath].map { path in
            try (FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        let megabytes = fixed(Double(bytes.reduce(0, +)) / 2 / 1_000_000, fractionDigits: 1)

        let comparator = Comparator(thresholds: .default)
        let statistics = Timing.measure(repetitions: options.repetitions, calls: 1) { _ in
            {
                Sink.consume(
                    comparator.compare(
                        baseline: runs.baseline,
                        baselinePath: baselinePath,
                        candidate: runs.candidate,
                        candidatePath: candidatePath
                    )
                )
            }
        }
        var rows = [SpeedRow(name: "compare \(size): statistics alone", timing: statistics, goal: nil)]
        let arguments = ["compare", baselinePath, candidatePath, "--format", "json"]
        rows.append(
            SpeedRow(
                name: "compare \(size): whole command, in-process (files 2 × \(megabytes) MB)",
                timing: try await inProcess(arguments, repetitions: options.repetitions),
                goal: 1.0
            )
        )
        if let bench = options.benchPath {
            rows.append(
                SpeedRow(
                    name: "compare \(size): whole command, `bench` process",
                    timing: try spawned(bench, arguments, repetitions: options.repetitions),
                    goal: 1.0
                )
            )
        }
        return rows
    }

    /// `bench` run in this process with its report captured in memory.
    private static func inProcess(_ arguments: [String], repetitions: Int) async throws -> Timing {
        var timing = Timing(secondsPerCall: [], cpuSecondsPerCall: [])
        for _ in 0..<repetitions {
            let output = TextOutput.makeBuffer()
            let errors = TextOutput.makeBuffer()
            let context = CommandContext(
                standardOutput: output,
                standardError: errors,
                environment: [:],
                executablePath: "/nonexistent"
            )
            let stopwatch = Stopwatch()
            let status = await BenchCommand.run(arguments, context: context)
            let (wall, cpu) = stopwatch.elapsed()
            timing.secondsPerCall.append(wall)
            timing.cpuSecondsPerCall.append(cpu)
            guard status != .failure else { throw SpeedError("bench compare failed: \(errors.text)") }
            Sink.consume(output)
        }
        return timing
    }

    /// `bench` as a child process, its standard output discarded.
    private static func spawned(_ bench: String, _ arguments: [String], repetitions: Int) throws -> Timing {
        var timing = Timing(secondsPerCall: [], cpuSecondsPerCall: [])
        for _ in 0..<repetitions {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: bench)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            try timing.record(calls: 1) {
                try process.run()
                process.waitUntilExit()
            }
            // 0 (pass) and 1 (the synthetic regressions fail the gate) both mean the command did its job.
            guard process.terminationStatus <= 1 else {
                let command = ([bench] + arguments).joined(separator: " ")
                throw SpeedError("\(command) exited with \(process.terminationStatus)")
            }
        }
        return timing
    }

    private static func makeTemporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("perfgate-speed-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
