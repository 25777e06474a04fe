import Foundation
import PerfGateHarness
import PerfGateReports
import PerfGateResults
import PerfGateScenarios

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
            After the run, each coordination benchmark is replayed in this process (same seed, 2 warm-up and
            20 traced rounds, outside every measurement) and a line names the phase that dominates its round
            time; --trace writes those rounds' spans, --log-format json logs them with matching trace ids.
            """,
        options: RunOptions.declarations + [
            SharedOptions.output,
            OptionSpec(
                "instructions",
                help: "Also count instructions (valgrind callgrind) of belief updates and coordination rounds at 1 and 10 agents."
            ),
        ] + ObservabilityOptions.declarations
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        var options = try RunOptions(arguments)
        let observability = ObservabilityOptions(arguments)
        if observability.jsonLogs { options.isQuiet = true }  // No progress bar among JSON lines.
        let (_, status) = try await runAndWrite(
            options: options,
            outputPath: arguments.value("output"),
            context: context,
            observability: observability,
            countInstructions: arguments.flag("instructions")
        )
        return status
    }

    /// Runs the suite, writes the results file, reports failures; returns the path and the status.
    static func runAndWrite(
        options: RunOptions,
        outputPath: String?,
        context: CommandContext,
        observability: ObservabilityOptions? = nil,
        countInstructions: Bool = false
    ) async throws -> (path: String, status: ExitStatus) {
        let runner = SuiteRunner(options: options, context: context)
        let plan = try runner.makePlan()
        let log = DiagnosticLog(output: context.standardError, json: observability?.jsonLogs ?? false)
        if !log.json { BuildWarning.printIfDebug(context: context) }
        var outcome = await runner.run(plan: plan)
        if countInstructions {
            try addInstructions(to: &outcome.results, plan: plan, options: options, context: context)
        }
        let runID = outcome.results.run.id
        let profiler = CoordinationProfiler(settings: options.workloadSettings, runID: runID, log: log)
        let (profiles, spans) = await profiler.profile(plan: plan)
        try observability?.writeTrace(spans)
        let path = outputPath.flatMap { $0 == "-" ? nil : $0 } ?? ".bench/results/\(outcome.results.run.id).json"
        if outputPath == "-" {
            context.standardOutput.write(String(decoding: try ResultsFile.encode(outcome.results), as: UTF8.self))
        } else {
            try ResultsFile.write(outcome.results, to: path)
            context.standardOutput.write("results: \(path) (\(outcome.results.benchmarks.count) benchmarks)\n")
        }
        // Phase shares go where the results line goes, or to standard error when the results are on stdout.
        let phaseOutput = outputPath == "-" ? context.standardError : context.standardOutput
        for profile in profiles where !log.json {
            phaseOutput.write("phases: " + profile.phases.line(benchmark: profile.benchmark) + "\n")
        }
        for profile in profiles where log.json {
            let top = profile.phases.dominant
            log.write(
                .info,
                "phases: " + profile.phases.line(benchmark: profile.benchmark),
                correlationID: runID,
                fields: [
                    ("run_id", .string(runID)), ("scenario", .string(profile.benchmark)),
                    ("dominant_phase", .string(top.name)),
                ]
            )
        }
        // The debug-build warning was already printed before the run, loudly (JSON mode logs it here).
        for warning in outcome.results.run.warnings where log.json || !warning.hasPrefix("debug build") {
            log.write(.warn, warning, correlationID: runID, fields: [("run_id", .string(runID))])
        }
        if options.isVerbose {
            for line in MeasurementWarnings.variationDetails(outcome.results.benchmarks) {
                log.write(.info, "noisy: \(line)", correlationID: runID)
            }
            for line in NoiseReport.lines(outcome.results.benchmarks) { log.write(.info, "noise: \(line)", correlationID: runID) }
        }
        guard outcome.failures.isEmpty else {
            let names = outcome.failures.map { BenchCommand.oneLine($0) }.joined(separator: "; ")
            log.write(.error, "\(outcome.failures.count) scenario(s) failed: \(names)", correlationID: runID)
            return (path, .failure)
        }
        log.write(.info, "run finished", correlationID: runID, fields: [("run_id", .string(runID))])
        return (path, .success)
    }
}

extension RunCommand {
    /// Samples of the `instructions` metric per benchmark. Counts barely vary, but a sample of a
    /// coordination round now and then counts a few percent more (thread scheduling); with 10 samples
    /// one such sample left a 2% change short of significance after Holm (8 of 24 pairs on
    /// 2026-12-08), with 20 it cannot.
    static let instructionSamples = 20

    /// `--instructions`: counts with valgrind, or says plainly why not (and the results stay without them).
    static func addInstructions(
        to results: inout BenchmarkResults, plan: BenchmarkPlan, options: RunOptions, context: CommandContext
    ) throws {
        let setup = InstructionCounter.setUp(options: options, context: context)
        guard let counter = setup.counter else {
            context.standardError.write("bench: warning: --instructions skipped: \(setup.reason ?? ""); no instructions metric\n")
            return
        }
        defer { counter.removeStrippedCopy() }
        let counted = try counter.add(to: &results, plan: plan, samples: instructionSamples)
        let list = counted.isEmpty ? "no supported benchmark in this run" : counted.joined(separator: ", ")
        context.standardError.write("bench: instructions counted (valgrind callgrind) for \(list)\n")
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
