import PerfGateAgents
import PerfGateReports
import PerfGateResults
import PerfGateScenarios

/// `bench calibrate`: measures the gate's false-failure rate and detection power on this machine and
/// writes docs/BASELINES.md.
enum CalibrateCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["calibrate"],
        abstract: "Measure the gate's false-failure rate and detection power on this machine; write docs/BASELINES.md.",
        discussion: """
            Waits (up to 3 minutes; not with --quick) for the load average to fall to half the cores, then runs the suite
            K+1 times unmodified and M times per slowdown with --inject-slowdown, interleaved, compares
            every pair of unmodified runs (A/A) and every unmodified run with every slowed one under the
            thresholds in force, and reports per gated metric: false failures, detections, the noise of
            the gated statistic between runs, the smallest slowdown caught (measured and modelled) and
            the limit or sample count that would catch 5% with 95% power and under 1% false failures.
            When valgrind is installed, every run also counts instructions (as bench run --instructions)
            and the report says what they catch that wall time cannot; --no-instructions skips them.
            Defaults: --suite default --runs 3 --slowed-runs 2 --slowdowns 0.02,0.05,0.10 (10 runs,
            about 12 minutes on 2 cores). --quick: quick suite, --runs 2 --slowed-runs 2 --slowdowns 0.10
            on coordination/* at 1 and 10 agents (under 2 minutes), written to
            .bench/calibration/BASELINES.md unless --output is given.
            """,
        options: [
            OptionSpec("runs", value: "K", help: "K+1 unmodified runs, K(K+1)/2 A/A pairs (default 3; 2 with --quick)."),
            OptionSpec("slowed-runs", value: "M", help: "Runs per injected slowdown (default 2)."),
            OptionSpec("slowdowns", value: "LIST", help: "Injected slowdowns, comma-separated fractions (default 0.02,0.05,0.10)."),
            OptionSpec("suite", value: "NAME", help: "Suite of every run (default: default; quick with --quick).", allowed: Suite.all.map(\.name)),
            OptionSpec("quick", help: "A short calibration for CI: see above."),
            OptionSpec("no-instructions", help: "Do not count instructions even when valgrind is installed."),
            SharedOptions.filter, SharedOptions.agents, SharedOptions.samples, SharedOptions.seed, SharedOptions.quiet,
            SharedOptions.thresholds,
            OptionSpec("output", short: "o", value: "FILE", help: "Markdown document to write (default docs/BASELINES.md)."),
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let quick = arguments.flag("quick")
        let runs = try arguments.integer("runs", in: 1...100) ?? (quick ? 2 : 3)
        let slowedRuns = try arguments.integer("slowed-runs", in: 1...100) ?? 2
        let slowdowns = try parseSlowdowns(arguments.value("slowdowns"), command: arguments.command) ?? (quick ? [0.10] : [0.02, 0.05, 0.10])
        let thresholds = try ThresholdsLoader.load(explicitPath: arguments.value("thresholds"))
        var options = try RunOptions(arguments)
        if arguments.value("suite") == nil { options.suite = quick ? .quick : .default }
        if quick {
            options.filter = options.filter ?? "coordination/*"
            options.agentCounts = options.agentCounts ?? [1, 10]
        }
        let output = arguments.value("output") ?? (quick ? ".bench/calibration/BASELINES.md" : "docs/BASELINES.md")
        BuildWarning.printIfDebug(context: context)
        let instructions = arguments.flag("no-instructions") ? nil : instructionCounter(options: options, context: context)
        defer { instructions?.removeStrippedCopy() }
        let plan = try SuiteRunner(options: options, context: context).makePlan()
        let measure = Measurement(options: options, plan: plan, instructions: instructions, context: context)
        if !quick { await LoadSettling().wait(context: context, quiet: options.isQuiet) }
        let measured = try await measure.all(runs: runs, slowedRuns: slowedRuns, slowdowns: slowdowns)
        let analysis = CalibrationAnalysis(
            unmodified: measured.unmodified, slowed: measured.slowed, slowdowns: slowdowns, thresholds: thresholds,
            workerCount: options.suite.workerCount
        )
        let all = measured.unmodified + measured.slowed.flatMap { $0 }
        let report = CalibrationReport(
            analysis: analysis, command: MeasurementContext.commandLine(arguments), date: MeasurementContext.now(),
            machine: MeasurementContext.machine(measured.unmodified.first?.run.environment),
            notes: MeasurementContext.notes(runs: all)
        )
        context.standardOutput.write(report.terminalText)
        let baselines = CalibrationReport.baselineRows(run: measured.unmodified[0], analysis: analysis, thresholds: thresholds)
        var document = report.markdown(baselines: baselines, thresholdsTable: ThresholdsTable().render(thresholds))
        if let existing = try? String(contentsOfFile: output, encoding: .utf8) {
            document = CalibrationReport.keepingStoredGateSection(of: existing, in: document)
        }
        try ResultsIO.writeText(document, to: output)
        context.standardOutput.write("calibration: \(output)\n")
        return .success
    }

    /// One suite run through worker processes; a failed scenario fails the calibration.
    static func runOnce(options: RunOptions, label: String, context: CommandContext) async throws -> BenchmarkResults {
        if !options.isQuiet { context.standardError.write("bench: \(label)\n") }
        var quiet = options
        quiet.isQuiet = true
        let runner = SuiteRunner(options: quiet, context: context)
        let outcome = await runner.run(plan: try runner.makePlan())
        if let failure = outcome.failures.first {
            throw CommandError("\(label): a scenario failed: \(BenchCommand.oneLine(failure)); calibration needs complete runs")
        }
        return outcome.results
    }

    /// The instruction counter, or nil with a notice on standard error when valgrind or
    /// `perfgate-instructions` is missing.
    private static func instructionCounter(options: RunOptions, context: CommandContext) -> InstructionCounter? {
        let setup = InstructionCounter.setUp(options: options, context: context)
        if let reason = setup.reason {
            context.standardError.write("bench: calibrate: instructions not counted: \(reason)\n")
        }
        return setup.counter
    }

    /// `0.02,0.05,0.10` as fractions in (0, 10], or nil when absent.
    static func parseSlowdowns(_ text: String?, command: String) throws(UsageError) -> [Double]? {
        guard let text else { return nil }
        var values: [Double] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Double(part.trimmedOfSpaces), value > 0, value <= 10 else {
                throw UsageError("--slowdowns expects comma-separated fractions in (0, 10] such as 0.02,0.05,0.10, got \"\(text)\"", command: command)
            }
            values.append(value)
        }
        return values.sorted()
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    fileprivate var trimmedOfSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
