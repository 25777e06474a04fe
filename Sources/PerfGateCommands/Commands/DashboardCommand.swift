import PerfGateMonitoring
import PerfGateResults

/// `bench dashboard`: the Grafana dashboard JSON for the metrics `bench serve` exposes.
enum DashboardCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["dashboard"],
        abstract: "Write the Grafana dashboard (JSON) for PerfGate's production metrics.",
        discussion: """
            Classic dashboard JSON (schemaVersion 41) with a datasource variable and an agents variable:
            agents coordinating, coordination efficiency, round duration percentiles, memory per agent
            against the budget, API latency p50/p95/p99 against the latency budget, timeout ratio and
            capacity. Limits come from the thresholds file. Import it in Grafana (Dashboards > Import).
            """,
        options: [SharedOptions.thresholds, SharedOptions.output]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let thresholdsPath = arguments.value("thresholds")
        let limits = try MonitoringLimits(
            thresholds: ThresholdsLoader.load(explicitPath: thresholdsPath), source: thresholdsPath ?? ThresholdsLoader.defaultPath
        )
        let text = DashboardBuilder.dashboard(limits: limits).serialized(pretty: true) + "\n"
        try ExportCommand.emit(text, arguments: arguments, context: context)
        return .success
    }
}
