import Foundation
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
            """,
        options: RunOptions.declarations + [
            SharedOptions.output,
            OptionSpec(
                "instructions",
                help: "Also count instructions (valgrind callgrind) of belief updates and coordination rounds at 1 and 10 agents."
            ),
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let options = try RunOptions(arguments)
        let (_, status) = try await runAndWrite(
            options: options, outputPath: arguments.value("output"), context: context,
            countInstructions: arguments.flag("instructions")
        )
        return status
    }

    /// Runs the suite, writes the results file, reports failures; returns the path and the status.
    static func runAndWrite(
        options: RunOptions, outputPath: String?, context: CommandContext, countInstructions: Bool = false
    ) async throws -> (path: String, status: ExitStatus) {
        let runner = SuiteRunner(options: options, context: context)
        let plan = try runner.makePlan()
        BuildWarning.printIfDebug(context: context)
        var outcome = await runner.run(plan: plan)
        if countInstructions {
            try addInstructions(to: &outcome.results, plan: plan, options: options, context: context)
        }
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

extension RunCommand {
    /// Samples of the `instructions` metric per benchmark (counts barely vary, so few suffice for the test).
    static let instructionSamples = 10

    /// `--instructions`: counts with valgrind, or says plainly why not (and the results stay without them).
    static func addInstructions(
        to results: inout BenchmarkResults, plan: BenchmarkPlan, options: RunOptions, context: CommandContext
    ) throws {
        guard let valgrind = InstructionCounter.find("valgrind", environment: context.environment) else {
            context.standardError.write(
                "bench: warning: --instructions skipped: valgrind is not installed (apt-get install valgrind); no instructions metric\n"
            )
            return
        }
        guard let workload = InstructionCounter.strippedWorkload(bench: context.executablePath, environment: context.environment) else {
            context.standardError.write(
                "bench: warning: --instructions skipped: perfgate-instructions is not beside bench "
                    + "(swift build -c release --product perfgate-instructions); no instructions metric\n"
            )
            return
        }
        defer { if workload.contains("perfgate-instructions-") { try? FileManager.default.removeItem(atPath: workload) } }
        let counter = InstructionCounter(valgrind: valgrind, workload: workload, scenarioFolder: options.scenarioFolder, seed: options.seed)
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
