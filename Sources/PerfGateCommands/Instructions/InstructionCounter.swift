import Foundation
import PerfGateResults
import PerfGateScenarios

/// Counts the instructions a fixed amount of work executes, with valgrind's callgrind (`Ir`, the
/// total of the process), for `bench run --instructions`.
///
/// The work runs in `perfgate-instructions` (built beside `bench`), a synchronous program: valgrind
/// 3.19 crashes on `bench` itself, whose async main parks in libdispatch. Valgrind 3.19 also cannot
/// read this toolchain's debug information, so a copy stripped with `objcopy --strip-debug` is run.
///
/// A sample is (Ir of a process doing k units − Ir of a process doing none) / k: the setup, the
/// start-up of the process and of valgrind cancel out. Processes run with
/// `SWIFT_DETERMINISTIC_HASHING=1`, so the counts repeat to within tens of instructions in millions.
struct InstructionCounter {
    /// The valgrind executable.
    var valgrind: String
    /// The `perfgate-instructions` executable to run (a stripped copy).
    var workload: String
    /// The scenario folder of the run, or nil for the built-in catalog.
    var scenarioFolder: String?
    /// The run's seed.
    var seed: UInt64

    /// `name` on PATH, or nil.
    static func find(_ name: String, environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A copy of `perfgate-instructions` (beside `bench`) without debug information, in a temporary
    /// folder; the original when `objcopy` is missing. Nil when the program was not built.
    static func strippedWorkload(bench: String, environment: [String: String]) -> String? {
        let folder = URL(fileURLWithPath: bench).deletingLastPathComponent()
        let original = folder.appendingPathComponent("perfgate-instructions").path
        guard FileManager.default.isExecutableFile(atPath: original) else { return nil }
        guard let objcopy = find("objcopy", environment: environment) else { return original }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("perfgate-instructions-\(UUID().uuidString)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: objcopy)
        process.arguments = ["--strip-debug", original, copy]
        guard (try? process.run()) != nil else { return original }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? copy : original
    }

    /// `samples` per-unit instruction counts for `benchmark`.
    func samples(for benchmark: PlannedBenchmark, count samples: Int) throws -> [Double] {
        let units = InstructionWorkloads.unitsPerSample(benchmark)
        let setup = try instructions(benchmark: benchmark.id, units: 0)
        return try (0..<samples).map { _ in
            Double(try instructions(benchmark: benchmark.id, units: units) - setup) / Double(units)
        }
    }

    /// Ir of one `bench __instructions ID UNITS` process under callgrind.
    func instructions(benchmark: String, units: Int) throws -> Int {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("perfgate-callgrind-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: valgrind)
        process.arguments = [
            "--tool=callgrind", "--callgrind-out-file=\(output)", workload, scenarioFolder ?? "-", benchmark, String(units), String(seed),
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_DETERMINISTIC_HASHING"] = "1"
        process.environment = environment
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errorText = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let count = Self.collected(in: errorText) else {
            let last = errorText.split(separator: "\n").last.map(String.init) ?? "no output"
            throw CommandError("valgrind: counting instructions of \(benchmark) failed (status \(process.terminationStatus)): \(last)")
        }
        return count
    }

    /// The `Collected : N` total of callgrind's summary, or nil.
    static func collected(in text: String) -> Int? {
        for line in text.split(separator: "\n") {
            guard let range = line.range(of: "Collected :") else { continue }
            return Int(line[range.upperBound...].filter { $0.isNumber })
        }
        return nil
    }

    /// Adds the `instructions` metric (unit `count`, lower is better) to every benchmark of `results`
    /// that ``InstructionWorkloads`` supports; returns the ids counted.
    func add(to results: inout BenchmarkResults, plan: BenchmarkPlan, samples: Int) throws -> [String] {
        var counted: [String] = []
        for index in results.benchmarks.indices {
            guard let benchmark = plan.benchmark(id: results.benchmarks[index].id), InstructionWorkloads.supports(benchmark) else { continue }
            let values = try self.samples(for: benchmark, count: samples)
            results.benchmarks[index].metrics["instructions"] = MetricResult(unit: "count", better: .lower, samples: values)
            counted.append(benchmark.id)
        }
        return counted
    }
}
