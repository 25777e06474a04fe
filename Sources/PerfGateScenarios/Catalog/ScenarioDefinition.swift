/// One scenario of the catalog: a kind of workload, its fixed parameters, and the agent counts it
/// runs at in each suite. A scenario file under `Benchmarks/scenarios/` holds one of these.
public struct ScenarioDefinition: Sendable, Hashable {
    /// The benchmark name, `/`-separated parts of `[A-Za-z0-9._-]` (`coordination/contract-net`).
    public var name: String
    /// The workload that runs it.
    public var kind: ScenarioKind
    /// One sentence for `bench list`.
    public var summary: String
    /// The agent model: `light` (fast coordination) or `production` (memory in the budget's range).
    public var agentModel: AgentModelName
    /// The time allowed for bids in a coordination round; a round over it counts as a timeout.
    public var roundDeadline: Duration
    /// The agent counts per suite name; a suite absent here does not run the scenario.
    public var agentCounts: [String: [Int]]

    /// Creates a definition.
    public init(
        name: String, kind: ScenarioKind, summary: String, agentModel: AgentModelName,
        roundDeadline: Duration = .milliseconds(250), agentCounts: [String: [Int]]
    ) {
        self.name = name
        self.kind = kind
        self.summary = summary
        self.agentModel = agentModel
        self.roundDeadline = roundDeadline
        self.agentCounts = agentCounts
    }
}

/// The agent model sizes a scenario can name.
public enum AgentModelName: String, Sendable, Hashable, CaseIterable {
    /// Small models (64 states) for fast coordination runs.
    case light
    /// Models whose memory is in the range of the published budget (about 24.5 MiB per agent).
    case production
}
