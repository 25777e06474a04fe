/// One Prometheus alerting rule, before it is written as YAML.
public struct AlertDefinition: Sendable, Hashable {
    /// The alert name (`AgentCoordinationLimitExceeded`).
    public var name: String
    /// The PromQL expression; it keeps the `service` label so that grouping and inhibition work.
    public var expression: String
    /// How long the expression must hold before the alert fires (`1m`).
    public var duration: String
    /// `critical` (pages) or `warning` (chat).
    public var severity: String
    /// A Go template for the `summary` annotation.
    public var summary: String
    /// A Go template for the `description` annotation.
    public var description: String
    /// The runbook's file name in `docs/runbooks/` (`agent-coordination-limit.md`).
    public var runbookFile: String

    /// The rule as a YAML mapping, with `runbook_url` = `runbookBase` + ``runbookFile``.
    func yaml(runbookBase: String) -> YAMLValue {
        .mapping([
            YAMLPair("alert", .string(name)),
            YAMLPair("expr", .string(expression)),
            YAMLPair("for", .string(duration)),
            YAMLPair("labels", .mapping([YAMLPair("severity", .string(severity))])),
            YAMLPair("annotations", .mapping(annotations(runbookBase: runbookBase).map { YAMLPair($0.0, .string($0.1)) })),
        ])
    }

    /// The annotations in writing order.
    func annotations(runbookBase: String) -> [(String, String)] {
        [("summary", summary), ("description", description), ("runbook_url", runbookBase + runbookFile)]
    }
}
