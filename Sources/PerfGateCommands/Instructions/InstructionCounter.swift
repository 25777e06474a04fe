import Foundation
import PerfGateResults
import PerfGateScenarios

/// Counts the instructions a fixed amount of work executes, with valgrind's callgrind (`Ir`), for
/// `bench run --instructions` and `bench calibrate`.
///
/// The work runs in `perfgate-instructions` (built beside `bench`), a synchronous program: valgrind
/// 3.19 crashes on `bench` itself, whose async main parks in libdispatch. Valgrind 3.19 also cannot
/// read this toolchain's debug information, so a copy stripped with `objcopy --strip-debug` is run.
///
/// One valgrind process per benchmark: the program sets the benchmark up, does a warm-up sample, then
/// the samples, calling `perfgate_sample_boundary()` after each; callgrind, run with
/// `--dump-after=perfgate_sample_boundary`, writes one profile part per call, so a sample is the
/// `totals:` of its part divided by the units of work in it, free of start-up, setup and exit.
/// Processes run with `SWIFT_DETERMINISTIC_HASHING=1`: belief-update counts repeat to a few
/// instructions in millions; coordination rounds move by about 0.3% (thread scheduling).
struct InstructionCounter {
    /// The valgrind executable.
    var valgrind: String
    /// The `perfgate-instructions` executable to run (a stripped copy).
    var workload: String
    /// The scenario folder of the run, or nil for the built-in catalog.
    var scenarioFolder: String?
    /// The run's seed.
    var seed: UInt64
    /// The injected slowdown (`--inject-slowdown`), a fraction ≥ 0.
    var slowdown: Double = 0

    /// A counter for a run with `options` (its scenarios, seed and injected slowdown), or the reason
    /// there is none: valgrind not installed, or `perfgate-instructions` not built beside `bench`.
    /// Call ``removeStrippedCopy()`` when done.
    static func setUp(options: RunOptions, context: CommandContext) -> (counter: InstructionCounter?, reason: String?) {
        guard let valgrind = find("valgrind", environment: context.environment) else {
            return (nil, "valgrind is not installed (apt-get install valgrind)")
        }
        guard let workload = strippedWorkload(bench: context.executablePath, environment: context.environment) else {
            return (nil, "perfgate-instructions is not beside bench (swift build -c release --product perfgate-instructions)")
        }
        let counter = InstructionCounter(
            valgrind: valgrind, workload: workload, scenarioFolder: options.scenarioFolder, seed: options.seed,
            slowdown: options.injection.slowdown
        )
        return (counter, nil)
    }

    /// Deletes the stripped copy of `perfgate-instructions` made by ``strippedWorkload(bench:environment:)``
    /// (never the original).
    func removeStrippedCopy() {
        if workload.contains("perfgate-instructions-") { try? FileManager.default.removeItem(atPath: workload) }
    }

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

    /// `samples` per-unit instruction counts for `benchmark`, from one valgrind process.
    func samples(for benchmark: PlannedBenchmark, count samples: Int) throws -> [Double] {
        let units = InstructionWorkloads.unitsPerSample(benchmark)
        let parts = try instructionParts(benchmark: benchmark.id, units: units, samples: samples)
        return parts.map { Double($0) / Double(units) }
    }

    /// The instructions of each sample (the profile parts after setup and warm-up) of one
    /// `perfgate-instructions` process under callgrind.
    func instructionParts(benchmark: String, units: Int, samples: Int) throws -> [Int] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("perfgate-callgrind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("callgrind.out").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: valgrind)
        process.arguments = [
            "--tool=callgrind", "--dump-after=perfgate_sample_boundary", "--callgrind-out-file=\(output)", workload,
            scenarioFolder ?? "-", benchmark, String(units), String(samples), String(seed), String(slowdown),
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
        // Part 1 is start-up, setup and warm-up; parts 2…samples+1 are the samples.
        let parts = (2..<(samples + 2)).map { index in
            (try? String(contentsOfFile: "\(output).\(index)", encoding: .utf8)).flatMap(Self.totals(in:))
        }
        guard process.terminationStatus == 0, Self.collected(in: errorText) != nil, parts.allSatisfy({ $0 != nil }) else {
            let last = errorText.split(separator: "\n").last.map(String.init) ?? "no output"
            throw CommandError("valgrind: counting instructions of \(benchmark) failed (status \(process.terminationStatus)): \(last)")
        }
        return parts.compactMap { $0 }
    }

    /// The `totals: N` line of one callgrind profile part, or nil.
    static func totals(in text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix("totals:") {
            return Int(line.dropFirst("totals:".count).filter { $0.isNumber })
        }
        return nil
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
