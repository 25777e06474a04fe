import PerfGateMonitoring
import PerfGateResults

/// `bench alerts`: Prometheus alerting rules, their promtool unit tests, or an Alertmanager config,
/// all derived from the thresholds file.
enum AlertsCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["alerts"],
        abstract: "Write Prometheus alert rules (or their tests, or an Alertmanager config) from the thresholds.",
        discussion: """
            Default: alerting rules for the published limits (agents coordinating, memory per agent, API
            latency percentile, coordination timeout ratio), each with for:, a severity label, summary,
            description and runbook_url annotations. --tests writes a promtool unit-test file (run
            `promtool test rules FILE`) proving each alert fires past its limit and stays silent at or just
            below it; --alertmanager writes an Alertmanager config (critical pages, warning goes to chat)
            whose receiver placeholders you replace. Check with promtool check rules / amtool check-config.
            """,
        options: [
            SharedOptions.thresholds,
            SharedOptions.output,
            OptionSpec("tests", help: "Write the promtool unit-test file instead of the rules."),
            OptionSpec("alertmanager", help: "Write an Alertmanager configuration instead of the rules."),
            OptionSpec("rules-file", value: "PATH", help: "Rules path the test file loads, relative to it (default rules.yml)."),
            OptionSpec("runbook-base", value: "URL", help: "Prefix of runbook_url (default docs/runbooks/)."),
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        if arguments.flag("tests") && arguments.flag("alertmanager") {
            throw UsageError("--tests and --alertmanager write different files; give one", command: "bench alerts")
        }
        let thresholdsPath = arguments.value("thresholds")
        let limits = try MonitoringLimits(
            thresholds: ThresholdsLoader.load(explicitPath: thresholdsPath), source: thresholdsPath ?? ThresholdsLoader.defaultPath
        )
        let runbookBase = arguments.value("runbook-base") ?? AlertRulesDocument.defaultRunbookBase
        let text: String
        if arguments.flag("alertmanager") {
            text = AlertmanagerConfigDocument.render()
        } else if arguments.flag("tests") {
            text = RuleTestsDocument.render(limits: limits, rulesFile: arguments.value("rules-file") ?? "rules.yml", runbookBase: runbookBase)
        } else {
            text = AlertRulesDocument.render(AlertCatalog.alerts(for: limits), runbookBase: runbookBase)
        }
        try ExportCommand.emit(text, arguments: arguments, context: context)
        return .success
    }
}
