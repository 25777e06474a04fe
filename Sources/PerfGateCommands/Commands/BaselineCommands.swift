import Foundation
import PerfGateHarness
import PerfGateReports
import PerfGateResults

/// `bench baseline save`: copies a results file (or joins several runs) into `baselines/NAME.json`.
enum BaselineSaveCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["baseline", "save"],
        abstract: "Save a results file, or several runs joined, as the baseline that `bench` gates against.",
        discussion: """
            Copies RESULTS (default: the newest file in .bench/results/) into baselines/NAME.json
            (NAME defaults to the run's suite), atomically. Several RESULTS files (runs of one suite and
            one commit) are joined into one baseline that carries its run-to-run noise, as `bench baseline
            record` does. Refuses to replace a baseline measured on another machine or build
            configuration unless --force is given.
            """,
        options: [
            OptionSpec("name", value: "NAME", help: "Baseline name (default: the results' suite)."),
            OptionSpec("force", help: "Replace a baseline measured in a different environment."),
        ],
        positionals: [PositionalSpec("results", help: "The results file(s) to save.", optional: true, repeating: true)]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let sources = arguments.positionals.isEmpty ? [try newestResults()] : arguments.positionals
        let runs = try sources.map { path throws in (results: try ResultsIO.read(path: path), file: path) }
        var results = runs.count == 1 ? runs[0].results : try RunJoining.join(runs)
        if runs.count > 1 { results.run.warnings = MeasurementWarnings.joinedWarnings(results) }
        let target = try save(results, name: arguments.value("name"), force: arguments.flag("force"))
        let what = sources.count == 1 ? sources[0] : "\(sources.count) runs"
        context.standardOutput.write("saved \(what) as \(target) (run \(results.run.id), \(results.benchmarks.count) benchmarks)\n")
        return .success
    }

    /// Writes `results` to `baselines/NAME.json` atomically, refusing (status 2, nothing written) an
    /// invalid name or, without `force`, an existing baseline of another environment. Returns the path.
    static func save(_ results: BenchmarkResults, name: String?, force: Bool) throws -> String {
        let name = name ?? results.run.suite
        guard BenchmarkResult.isValidName(name), !name.contains("/") else {
            throw UsageError("--name must be letters, digits, '.', '_' or '-', got \"\(name)\"", command: spec.commandName)
        }
        let target = "baselines/\(name).json"
        if FileManager.default.fileExists(atPath: target), !force {
            let existing = try ResultsIO.read(path: target)
            if let difference = environmentDifference(existing.run.environment, results.run.environment) {
                throw CommandError(
                    "\(target): the existing baseline was measured on a different environment (\(difference)); "
                        + "pass --force to replace it"
                )
            }
        }
        try ResultsFile.write(results, to: target)
        return target
    }

    /// The newest `.bench/results/*.json`, by modification time.
    static func newestResults() throws -> String {
        let folder = ".bench/results"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let candidates = names.filter { $0.hasSuffix(".json") }.map { "\(folder)/\($0)" }
        let dated = candidates.compactMap { path -> (String, Date)? in
            guard let date = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date else { return nil }
            return (path, date)
        }
        guard let newest = dated.max(by: { $0.1 < $1.1 }) else {
            throw CommandError("no results in \(folder)/; run `swift run -c release bench run` first or name a results file")
        }
        return newest.0
    }

    private static func environmentDifference(_ old: EnvironmentInfo?, _ new: EnvironmentInfo?) -> String? {
        guard let old, let new else { return nil }
        let fields: [(String, String?, String?)] = [
            ("cpuModel", old.cpuModel, new.cpuModel),
            ("logicalCores", old.logicalCores.map(String.init), new.logicalCores.map(String.init)),
            ("build", old.build, new.build),
        ]
        return fields.first { $0.1 != nil && $0.2 != nil && $0.1 != $0.2 }.map { "\($0.0) \($0.1!) vs \($0.2!)" }
    }
}

/// `bench baseline show`: what a baseline holds.
enum BaselineShowCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["baseline", "show"],
        abstract: "Show a baseline: when and where it was measured, and each benchmark's medians.",
        options: [OptionSpec("name", value: "NAME", help: "Baseline name (default: default).")]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let path = "baselines/\(arguments.value("name") ?? "default").json"
        let results = try ResultsIO.read(path: path)
        let run = results.run
        let environment = run.environment
        var lines = [
            "\(path): run \(run.id), suite \(run.suite), measured \(run.startedAt)",
            "commit \(run.git?.commit ?? "unknown")\(run.git?.dirty == true ? " (dirty)" : ""), "
                + "\(environment?.cpuModel ?? "unknown CPU"), \(environment?.logicalCores.map(String.init) ?? "?") cores, "
                + "\(environment?.build ?? "unknown") build",
        ]
        if !run.parts.isEmpty {
            let boots = Set(run.parts.map { $0.bootId ?? "unknown" })
            lines.append(
                "\(run.parts.count) runs joined (\(run.parts.first!.startedAt) to \(run.parts.last!.startedAt)) on "
                    + "\(boots.count) machine boot\(boots.count == 1 ? "" : "s"): wall time is judged against their "
                    + "run-to-run spread on \(boots.count == 1 ? "that boot" : "those boots")"
            )
        } else {
            lines.append("1 run: wall time cannot be judged against it (record several with `bench baseline record`)")
        }
        lines += run.warnings.map { "warning: \($0)" }
        lines.append("")
        for benchmark in results.benchmarks {
            lines.append(benchmark.id)
            for name in benchmark.metrics.keys.sorted() {
                let metric = benchmark.metrics[name]!  // Keys come from the dictionary itself.
                lines.append("    \(name.padding(to: 24))p50 \(ValueFormatter.format(metric.summary.p50, unit: metric.unit))  p95 \(ValueFormatter.format(metric.summary.p95, unit: metric.unit))  n=\(metric.summary.count)")
            }
        }
        context.standardOutput.write(lines.joined(separator: "\n") + "\n")
        return .success
    }
}
