/// The scenarios PerfGate runs: the files under `Benchmarks/scenarios/`, or the same scenarios
/// built in when that folder is absent (so `bench` works from any folder with no setup).
public enum ScenarioCatalog {
    /// The folder a user adds scenario files to, relative to the working folder.
    public static let defaultFolder = "Benchmarks/scenarios"

    /// The built-in scenarios; `Benchmarks/scenarios/*.json` holds the same, and a test keeps them equal.
    public static let builtIn: [ScenarioDefinition] = [
        ScenarioDefinition(
            name: "coordination/contract-net", kind: .coordination,
            summary: "Contract-net rounds of light active-inference agents: announce, bid, award, act, observe.",
            agentModel: .light, roundDeadline: .milliseconds(250),
            agentCounts: ["quick": [1, 10, 50], "default": [1, 10, 25, 50], "full": [1, 10, 25, 50, 100]]
        ),
        ScenarioDefinition(
            name: "memory/production-agent", kind: .memory,
            summary: "Heap and resident bytes per production-sized agent (the 34.5 MiB budget).",
            agentModel: .production,
            agentCounts: ["quick": [1, 10], "default": [1, 10, 50], "full": [1, 10, 50]]
        ),
        ScenarioDefinition(
            name: "belief/update", kind: .beliefUpdate,
            summary: "One Bayesian belief update (log space, normalised) of a production-sized agent.",
            agentModel: .production,
            agentCounts: ["quick": [1], "default": [1], "full": [1]]
        ),
        ScenarioDefinition(
            name: "belief/convergence", kind: .beliefConvergence,
            summary: "Time for a production-sized agent's belief to settle (95%) on a stationary world.",
            agentModel: .production,
            agentCounts: ["quick": [1], "default": [1], "full": [1]]
        ),
        ScenarioDefinition(
            name: "api/step", kind: .apiStep,
            summary: "Agent steps over the HTTP API on loopback, one keep-alive connection per light agent (closed loop).",
            agentModel: .light,
            agentCounts: ["quick": [1, 10], "default": [1, 10, 25, 50], "full": [1, 10, 25, 50]]
        ),
        ScenarioDefinition(
            name: "api/mixed", kind: .apiMixed,
            summary: "A read/write mix over the HTTP API: 5 steps, 4 belief reads, 1 health check in every 10 requests.",
            agentModel: .light,
            agentCounts: ["quick": [1, 10], "default": [1, 10, 25, 50], "full": [1, 10, 25, 50]]
        ),
    ]
}
