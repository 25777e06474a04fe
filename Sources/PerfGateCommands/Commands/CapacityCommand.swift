import PerfGateResults
import PerfGateScenarios

/// `bench capacity`: two agent-count ramps (coordination, API) until a service-level objective breaks;
/// writes docs/CAPACITY.md and docs/capacity.svg.
enum CapacityCommand: BenchSubcommand {
    /// Default largest counts: coordination normally breaks between 1,024 and 2,048 agents on the 2-vCPU
    /// machine; the API (one connection per agent) past 1,024, the server's connection limit, where
    /// requests get 503 (p95 grows linearly, about 0.14 s at 1,024 connections).
    static let defaultMaxAgents: [CapacityRampKind: Int] = [.coordination: 2048, .api: 2048]

    static let spec = CommandSpec(
        path: ["capacity"],
        abstract: "Find the largest agent count that meets the service-level objectives; write docs/CAPACITY.md.",
        discussion: """
            Two ramps, each doubling the agent count from 1 until one of its objectives breaks or its maximum
            is reached, then bisecting between the largest count that held and the first that failed:
            coordination (coordination/* and memory/* at each count; objectives round_seconds.p50,
            round_seconds.p95, timeout_ratio, bytes_per_agent) and API (api/step at each count, api/mixed too
            when an objective names it; objectives api_latency_seconds.p95, api_mixed_latency_seconds.p95,
            api_error_ratio). A ramp with no objective is skipped. The memory scenario runs only while agents ×
            24.5 MiB stays within half the physical memory. Default objectives: round_seconds.p95 <= the
            coordination scenario's round deadline, timeout_ratio <= 0.05, bytes_per_agent <= 36175872,
            api_latency_seconds.p95 <= 0.5, api_error_ratio <= 0.01. Writes the document and an SVG chart beside it (capacity.svg).
            Waits first (up to 3 minutes; not with --quick) for the load average to fall to half the cores.
            About 5-10 minutes on 2 cores. --quick: both ramps up to 16 agents, 12 coordination samples, 1
            bisection step (under 2 minutes), written under .bench/capacity/.
            """,
        options: [
            OptionSpec("slo", value: "LIST", help: "Objectives, NAME<=VALUE separated by commas (see above)."),
            OptionSpec(
                "max-agents", value: "N",
                help: "Largest agent count of both ramps (default 2048; 16 with --quick)."
            ),
            OptionSpec("ramp", value: "NAME", help: "Which ramp to run (default both).", allowed: CapacityRampKind.optionValues),
            OptionSpec("quick", help: "A short ramp for CI (under 2 minutes)."),
            OptionSpec("suite", value: "NAME", help: "Suite of every run (default: quick).", allowed: Suite.all.map(\.name)),
            OptionSpec("samples", value: "N", help: "Coordination samples per count (default 50; 12 with --quick)."),
            SharedOptions.seed, SharedOptions.quiet,
            OptionSpec("output", short: "o", value: "FILE", help: "Markdown document to write (default docs/CAPACITY.md)."),
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let quick = arguments.flag("quick")
        let maxAgents = try arguments.integer("max-agents", in: 1...10_000)
        var options = try RunOptions(arguments)
        if arguments.value("suite") == nil { options.suite = .quick }
        let objectives = try arguments.value("slo").map { text throws(UsageError) in try ServiceObjective.parse(text, command: arguments.command) }
            ?? ServiceObjective.defaults(roundDeadline: try roundDeadline(options))
        let selected = CapacityRampKind.selected(by: arguments.value("ramp"))
        guard selected.contains(where: { !ServiceObjective.objectives(objectives, of: $0).isEmpty }) else {
            throw UsageError(
                "nothing to measure: no objective of --slo belongs to the selected ramp(s) (\(selected.map(\.rawValue).joined(separator: ", ")))",
                command: arguments.command
            )
        }
        let output = arguments.value("output") ?? (quick ? ".bench/capacity/CAPACITY.md" : "docs/CAPACITY.md")
        BuildWarning.printIfDebug(context: context)
        let measurer = CapacityMeasurer(
            options: options, context: context, coordinationSamples: options.samples ?? (quick ? 12 : 50), memorySamples: 2,
            apiSamples: 2, measuresMixed: objectives.contains { $0.quantity == "api_mixed_latency_seconds.p95" },
            memoryCap: .thisMachine
        )
        if !quick { await LoadSettling().wait(context: context, quiet: options.isQuiet) }
        var ramps: [CapacityRampResult] = []
        for kind in CapacityRampKind.allCases {
            let maximum = maxAgents ?? (quick ? 16 : defaultMaxAgents[kind]!)
            ramps.append(
                try await runRamp(
                    kind, objectives: objectives, maxAgents: maximum, bisectionSteps: quick ? 1 : 4,
                    selected: selected.contains(kind), measurer: measurer
                )
            )
        }
        let document = CapacityDocument(
            ramps: ramps, command: MeasurementContext.commandLine(arguments), date: MeasurementContext.now(),
            machine: MeasurementContext.machine(measurer.runs.first?.run.environment),
            notes: MeasurementContext.notes(runs: measurer.runs), memoryCap: measurer.memoryCap
        )
        try write(document, to: output, context: context)
        return .success
    }

    /// One ramp: skipped when not selected or without objectives, else searched.
    static func runRamp(
        _ kind: CapacityRampKind, objectives all: [ServiceObjective], maxAgents: Int, bisectionSteps: Int, selected: Bool,
        measurer: CapacityMeasurer
    ) async throws -> CapacityRampResult {
        let objectives = ServiceObjective.objectives(all, of: kind)
        var result = CapacityRampResult(kind: kind, objectives: objectives, maxAgents: maxAgents)
        result.skipReason = skipReason(kind, objectives: objectives, selected: selected)
        if let reason = result.skipReason {
            if !measurer.options.isQuiet { measurer.context.standardError.write("bench: capacity: \(reason)\n") }
            return result
        }
        let ramp = CapacityRamp(objectives: objectives, maxAgents: maxAgents, bisectionSteps: bisectionSteps)
        var outcome = try await ramp.search { agents in
            kind == .api ? try await measurer.api(agents, objectives: objectives) : try await measurer.coordination(agents, objectives: objectives)
        }
        if kind == .coordination { addEfficiency(to: &outcome, cores: measurer.runs.first?.run.environment?.logicalCores ?? 1) }
        result.outcome = outcome
        return result
    }

    /// Why a ramp does not run (not selected by `--ramp`, or none of `objectives` is its), or nil.
    static func skipReason(_ kind: CapacityRampKind, objectives: [ServiceObjective], selected: Bool) -> String? {
        if !selected { return "the \(kind.rawValue) ramp was not selected (--ramp)" }
        guard objectives.isEmpty else { return nil }
        return "the \(kind.rawValue) ramp was skipped: no objective of --slo names one of its quantities ("
            + ServiceObjective.rampOfQuantity.filter { $0.ramp == kind }.map(\.quantity).joined(separator: ", ") + ")"
    }

    /// Writes the chart and the document, and prints the verdicts and tables.
    static func write(_ document: CapacityDocument, to output: String, context: CommandContext) throws {
        let chartPath = chartPath(for: output)
        try ResultsIO.writeText(CapacityChart(document: document).svg(), to: chartPath)
        try ResultsIO.writeText(document.markdown(chartName: String(chartPath.split(separator: "/").last!)), to: output)
        var text = ""
        for ramp in document.ramps {
            text += "\(ramp.kind.title): " + CapacityVerdict(ramp: ramp, publishedLimit: document.publishedLimit).text + "\n"
        }
        if document.ramp(.coordination)?.outcome != nil { text += TextTable.render(document.coordinationTable()) }
        if document.ramp(.api)?.outcome != nil { text += TextTable.render(document.apiTable()) }
        context.standardOutput.write(text + "capacity: \(output)\n")
    }

    /// The coordination scenario's round deadline in seconds (0.25 when there is none).
    static func roundDeadline(_ options: RunOptions) throws -> Double {
        let scenarios = try ScenarioCatalog.load(folder: options.scenarioFolder)
        return scenarios.first { $0.kind == .coordination }.map { definition in
            Double(definition.roundDeadline.components.seconds) + Double(definition.roundDeadline.components.attoseconds) * 1e-18
        } ?? 0.25
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
