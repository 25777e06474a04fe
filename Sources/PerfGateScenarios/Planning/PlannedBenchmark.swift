public import PerfGateResults

/// One concrete benchmark of a run: a scenario at one agent count.
public struct PlannedBenchmark: Sendable, Hashable {
    /// The contract's id: name and sorted parameters (`coordination/contract-net[agents=50]`).
    public var id: String
    /// The scenario it comes from.
    public var definition: ScenarioDefinition
    /// The agent count, or nil for single-agent scenarios (belief).
    public var agentCount: Int?

    /// Creates a planned benchmark; the id follows from the name and parameters.
    public init(definition: ScenarioDefinition, agentCount: Int?) {
        self.definition = definition
        self.agentCount = agentCount
        self.id = BenchmarkResult.makeID(name: definition.name, parameters: Self.parameters(agentCount))
    }

    /// The benchmark's parameters as recorded in the results file.
    public var parameters: [String: ParameterValue] { Self.parameters(agentCount) }

    private static func parameters(_ agentCount: Int?) -> [String: ParameterValue] {
        agentCount.map { ["agents": .int($0)] } ?? [:]
    }
}

/// The benchmarks a run measures: the catalog's scenarios expanded over their agent counts for a suite.
public struct BenchmarkPlan: Sendable {
    /// In catalog order, then by agent count.
    public var benchmarks: [PlannedBenchmark]

    /// Expands `scenarios` for `suite`.
    ///
    /// - Parameters:
    ///   - scenarios: The catalog.
    ///   - suite: Scenarios without agent counts for this suite are left out.
    ///   - agentCounts: Replaces every multi-agent scenario's counts (`--agents`).
    ///   - filter: A glob on benchmark ids (`--filter`); nil keeps all.
    public init(scenarios: [ScenarioDefinition], suite: String, agentCounts: [Int]? = nil, filter: String? = nil) {
        var benchmarks: [PlannedBenchmark] = []
        for definition in scenarios {
            guard let counts = definition.agentCounts[suite] else { continue }
            if definition.kind.isSingleAgent {
                benchmarks.append(PlannedBenchmark(definition: definition, agentCount: nil))
            } else {
                for count in agentCounts ?? counts {
                    benchmarks.append(PlannedBenchmark(definition: definition, agentCount: count))
                }
            }
        }
        if let filter {
            let pattern = GlobPattern(filter)
            benchmarks = benchmarks.filter { pattern.matches($0.id) }
        }
        self.benchmarks = benchmarks
    }

    /// The benchmark with `id`, or nil.
    public func benchmark(id: String) -> PlannedBenchmark? {
        benchmarks.first { $0.id == id }
    }
}

extension ScenarioKind {
    /// Whether the scenario measures one agent (no agent count parameter).
    public var isSingleAgent: Bool {
        self == .beliefUpdate || self == .beliefConvergence
    }
}
