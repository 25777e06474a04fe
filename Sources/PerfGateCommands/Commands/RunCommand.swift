import PerfGateResults

/// `bench run`: runs a suite of scenarios and writes one results file.
enum RunCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["run"],
        abstract: "Run a suite of benchmark scenarios and write a results file.",
        discussion: """
            Samples come from several worker processes (bench re-executes itself), each running every
            scenario in interleaved rounds, so a slow phase of the machine spreads over all benchmarks.
            Writes .bench/results/<run id>.json unless --output says otherwise, and prints the path.
            A scenario that crashes or hangs is reported (status 2) and the others' results are still written.
            """,
        options: RunOptions.declarations + [SharedOptions.output]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let options = try RunOptions(arguments)
        let (_, status) = try await runAndWrite(options: options, outputPath: arguments.value("output"), context: context)
        return status
    }

    /// Runs the suite, writes the results file, reports failures; returns the path and the status.
    static func runAndWrite(
        options: RunOptions, outputPath: String?, context: CommandContext
    ) async throws -> (path: String, status: ExitStatus) {
        let runner = SuiteRunner(options: options, context: context)
        let plan = try runner.makePlan()
        BuildWarning.printIfDebug(context: context)
        let outcome = await runner.run(plan: plan)
        let path = outputPath.flatMap { $0 == "-" ? nil : $0 } ?? ".bench/results/\(outcome.results.run.id).json"
        if outputPath == "-" {
            context.standardOutput.write(String(decoding: try ResultsFile.encode(outcome.results), as: UTF8.self))
        } else {
            try ResultsFile.write(outcome.results, to: path)
            context.standardOutput.write("results: \(path) (\(outcome.results.benchmarks.count) benchmarks)\n")
        }
        // The debug-build warning was already printed before the run, loudly.
        for warning in outcome.results.run.warnings where !warning.hasPrefix("debug build") {
            context.standardError.write("bench: warning: \(warning)\n")
        }
        guard outcome.failures.isEmpty else {
            let names = outcome.failures.map { BenchCommand.oneLine($0) }.joined(separator: "; ")
            context.standardError.write("bench: error: \(outcome.failures.count) scenario(s) failed: \(names)\n")
            return (path, .failure)
        }
        return (path, .success)
    }
}

/// The loud notice that a debug build measures the wrong thing.
enum BuildWarning {
    /// Prints the notice on standard error in a debug build.
    static func printIfDebug(context: CommandContext) {
        #if DEBUG
        context.standardError.write(
            "bench: warning: this is a DEBUG build: timings are several times slower than release and not comparable "
                + "with the committed baseline; run `swift run -c release bench`\n"
        )
        #endif
    }
}
