import PerfGateResults
import PerfGateScenarios

/// `bench capacity`: ramps the agent count until a service-level objective breaks and writes docs/CAPACITY.md.
enum CapacityCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["capacity"],
        abstract: "Find the largest agent count that meets the service-level objectives; write docs/CAPACITY.md.",
        discussion: """
            Doubles the agent count from 1 until an objective breaks or --max-agents is reached, then
            bisects between the largest count that held and the first that failed. Each count runs the
            multi-agent scenarios (coordination, memory, API) of the quick suite in worker processes.
            Default objectives: round_seconds.p95 <= the coordination scenario's round deadline,
            timeout_ratio <= 0.05, bytes_per_agent <= 36175872, api_latency_seconds.p95 <= 0.5.
            Writes the document and an SVG chart beside it (docs/capacity.svg). --quick: coordination
            only, at most 16 agents, 1 bisection step, 4 samples per benchmark, written under .bench/capacity/.
            """,
        options: [
            OptionSpec("slo", value: "LIST", help: "Objectives, NAME<=VALUE separated by commas (see above)."),
            OptionSpec("max-agents", value: "N", help: "Largest agent count to try (default 128; 16 with --quick)."),
            OptionSpec("quick", help: "A short ramp for CI (under 2 minutes)."),
            OptionSpec("suite", value: "NAME", help: "Suite of every run (default: quick).", allowed: Suite.all.map(\.name)),
            SharedOptions.samples, SharedOptions.seed, SharedOptions.quiet,
            OptionSpec("output", short: "o", value: "FILE", help: "Markdown document to write (default docs/CAPACITY.md)."),
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let quick = arguments.flag("quick")
        let maxAgents = try arguments.integer("max-agents", in: 1...10_000) ?? (quick ? 16 : 128)
        var options = try RunOptions(arguments)
        if arguments.value("suite") == nil { options.suite = .quick }
        if quick && options.samples == nil { options.samples = 4 }
        // Quick: coordination only (the memory and API objectives are then not evaluated).
        options.filter = quick ? "coordination/*" : "*agents=*"
        let scenarios = try ScenarioCatalog.load(folder: options.scenarioFolder)
        let deadline = scenarios.first { $0.kind == .coordination }.map { definition in
            Double(definition.roundDeadline.components.seconds) + Double(definition.roundDeadline.components.attoseconds) * 1e-18
        } ?? 0.25
        let objectives = try arguments.value("slo").map { text throws(UsageError) in try ServiceObjective.parse(text, command: arguments.command) }
            ?? ServiceObjective.defaults(roundDeadline: deadline)
        let output = arguments.value("output") ?? (quick ? ".bench/capacity/CAPACITY.md" : "docs/CAPACITY.md")
        BuildWarning.printIfDebug(context: context)
        var runs: [BenchmarkResults] = []
        let ramp = CapacityRamp(objectives: objectives, maxAgents: maxAgents, bisectionSteps: quick ? 1 : 4)
        var outcome = try await ramp.search { agents in
            var atCount = options
            atCount.agentCounts = [agents]
            let results = try await CalibrateCommand.runOnce(options: atCount, label: "capacity at \(agents) agents", context: context)
            runs.append(results)
            return CapacityPoint(agents: agents, results: results)
        }
        addEfficiency(to: &outcome, cores: runs.first?.run.environment?.logicalCores ?? 1)
        let document = CapacityDocument(
            outcome: outcome, objectives: objectives, command: MeasurementContext.commandLine(arguments),
            date: MeasurementContext.now(), machine: MeasurementContext.machine(runs.first?.run.environment),
            notes: MeasurementContext.notes(runs: runs)
        )
        let chartPath = chartPath(for: output)
        try ResultsIO.writeText(document.svg(deadline: deadline), to: chartPath)
        try ResultsIO.writeText(document.markdown(chartName: String(chartPath.split(separator: "/").last!)), to: output)
        context.standardOutput.write(document.verdict + "\n" + TextTable.render(document.table) + "capacity: \(output)\n")
        return .success
    }

    /// `docs/CAPACITY.md` → `docs/capacity.svg`.
    static func chartPath(for output: String) -> String {
        let folder = output.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return folder.isEmpty ? "capacity.svg" : folder + "/capacity.svg"
    }

    /// Efficiency from the 1-agent point's throughput, as `DerivedMetrics.addEfficiency` defines it.
    static func addEfficiency(to outcome: inout CapacityRamp.Outcome, cores: Int) {
        guard let base = outcome.points.first(where: { $0.agents == 1 })?.throughput, base > 0 else { return }
        for index in outcome.points.indices {
            guard let throughput = outcome.points[index].throughput else { continue }
            outcome.points[index].efficiency = throughput / (Double(min(outcome.points[index].agents, max(1, cores))) * base)
        }
    }
}
