import PerfGateHarness
import PerfGateResults

/// `bench baseline record`: measures K independent runs and saves them as one baseline.
enum BaselineRecordCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["baseline", "record"],
        abstract: "Measure several independent runs of the suite and save them as one baseline.",
        discussion: """
            Waits for the machine to settle, then runs the suite --runs times (default 5), each run a
            fresh set of worker processes and, when valgrind is installed, an instruction count (as
            `bench` does); writes each run to .bench/results/ and joins them into baselines/NAME.json.
            The joined baseline knows how far a second run of the same code moves each metric, so
            `bench` and `bench compare` judge wall time against that run-to-run noise (on this machine,
            until it reboots) instead of against one run's samples.
            """,
        options: RunOptions.declarations + [
            OptionSpec("runs", value: "K", help: "Independent runs to join (default 5, at least 2)."),
            OptionSpec("name", value: "NAME", help: "Baseline name (default: the suite)."),
            OptionSpec("force", help: "Replace a baseline measured in a different environment."),
            RunOptions.noInstructions,
        ]
    )

    /// Runs joined when --runs is not given.
    static let defaultRuns = 5

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let options = try RunOptions(arguments)
        let count = try arguments.integer("runs", in: 2...100) ?? defaultRuns
        await LoadSettling().wait(context: context, quiet: options.isQuiet)
        BuildWarning.printIfDebug(context: context)
        let runner = SuiteRunner(options: options, context: context)
        let plan = try runner.makePlan()
        var runs: [(results: BenchmarkResults, file: String)] = []
        for index in 1...count {
            if !options.isQuiet { context.standardError.write("bench: baseline run \(index) of \(count)\n") }
            var outcome = await runner.run(plan: plan)
            guard outcome.failures.isEmpty else {
                let names = outcome.failures.map { BenchCommand.oneLine($0) }.joined(separator: "; ")
                throw CommandError("run \(index) of \(count): \(outcome.failures.count) scenario(s) failed: \(names); no baseline written")
            }
            if !arguments.flag("no-instructions") {
                try RunCommand.addInstructions(to: &outcome.results, plan: plan, options: options, context: context)
            }
            let path = ".bench/results/\(outcome.results.run.id).json"
            try ResultsFile.write(outcome.results, to: path)
            runs.append((outcome.results, path))
        }
        var joined = try RunJoining.join(runs)
        joined.run.warnings = MeasurementWarnings.joinedWarnings(joined)
        let target = try BaselineSaveCommand.save(joined, name: arguments.value("name"), force: arguments.flag("force"))
        context.standardOutput.write(
            "recorded \(count) runs as \(target) (run \(joined.run.id), \(joined.benchmarks.count) benchmarks)\n"
        )
        return .success
    }
}
