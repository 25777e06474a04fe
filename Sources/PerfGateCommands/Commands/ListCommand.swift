import PerfGateScenarios

/// `bench list`: the scenarios, their parameters and metrics, per suite.
enum ListCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["list"],
        abstract: "List the benchmarks of a suite, with their parameters and metrics.",
        discussion: "Add a scenario by adding a JSON file under Benchmarks/scenarios/ (see docs/running.md).",
        options: [
            OptionSpec("suite", value: "NAME", help: "Suite to list (default: default).", allowed: Suite.all.map(\.name)),
            SharedOptions.filter, SharedOptions.agents,
            OptionSpec("scenarios", value: "DIR", help: "Scenario folder (default: Benchmarks/scenarios when present, else built in)."),
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let suite = Suite.named(arguments.value("suite") ?? "default")!  // `allowed` checked the name.
        let scenarios = try ScenarioCatalog.load(folder: arguments.value("scenarios"))
        let plan = BenchmarkPlan(
            scenarios: scenarios, suite: suite.name, agentCounts: try arguments.counts("agents"),
            filter: arguments.value("filter")
        )
        var lines = [
            "suite \(suite.name): \(plan.benchmarks.count) benchmarks, \(suite.workerCount) worker processes × "
                + "\(suite.roundsPerWorker) interleaved rounds; \(suite.timingSampleCount) timing samples, "
                + "\(suite.memorySampleCount) memory samples per benchmark",
            "",
        ]
        for benchmark in plan.benchmarks {
            let definition = benchmark.definition
            lines.append(benchmark.id)
            lines.append("    kind \(definition.kind.rawValue), agent model \(definition.agentModel.rawValue)"
                + (definition.kind == .coordination ? ", round deadline \(definition.roundDeadline)" : ""))
            lines.append("    metrics: " + definition.kind.metrics.map { "\($0.name) (\($0.unit), \($0.better.rawValue) is better)" }.joined(separator: ", "))
            lines.append("    \(definition.summary)")
        }
        context.standardOutput.write(lines.joined(separator: "\n") + "\n")
        return .success
    }
}
