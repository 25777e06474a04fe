import PerfGateStatistics
public import PerfGateAgents
public import PerfGateHarness

/// Settings shared by every workload of a run.
public struct WorkloadSettings: Sendable, Hashable {
    /// The run seed; each benchmark derives its own from it.
    public var seed: UInt64
    /// Regressions deliberately injected into every agent (`--inject-slowdown`, `--inject-memory`).
    public var injection: FaultInjection
    /// The `api/*` workloads drive this server (`--target http://HOST:PORT`) instead of starting the
    /// embedded one; nil: the embedded server.
    public var apiTarget: String?
    /// A request file (`--requests FILE`, see ``APIRequestFile``) the `api/*` workloads send instead of
    /// the documented request shapes; nil: the documented shapes.
    public var apiRequestsFile: String?

    /// Creates settings.
    public init(seed: UInt64, injection: FaultInjection, apiTarget: String? = nil, apiRequestsFile: String? = nil) {
        self.seed = seed
        self.injection = injection
        self.apiTarget = apiTarget
        self.apiRequestsFile = apiRequestsFile
    }
}

/// Makes the workload that measures a planned benchmark.
public enum WorkloadFactory {
    /// The workload for `benchmark` under `settings`.
    public static func makeWorkload(for benchmark: PlannedBenchmark, settings: WorkloadSettings) -> any Workload {
        let definition = benchmark.definition
        let model = definition.agentModel.size
        let seed = SplitMix64.derivedSeed(runSeed: settings.seed, stream: benchmark.agentCount ?? 0, purpose: 100)
        switch definition.kind {
        case .coordination:
            return CoordinationWorkload(
                agentCount: benchmark.agentCount ?? 1, model: model, seed: seed,
                deadline: definition.roundDeadline, injection: settings.injection
            )
        case .memory:
            return MemoryWorkload(agentCount: benchmark.agentCount ?? 1, model: model, seed: seed, injection: settings.injection)
        case .beliefUpdate:
            return BeliefWorkloads.update(model: model, seed: seed, injection: settings.injection)
        case .beliefConvergence:
            return BeliefConvergenceWorkload(model: model, seed: seed, injection: settings.injection)
        case .apiStep, .apiMixed:
            return APIWorkload(
                mix: definition.kind == .apiStep ? .step : .mixed, agentCount: benchmark.agentCount ?? 1,
                model: model, seed: seed, target: settings.apiTarget, requestsFile: settings.apiRequestsFile
            )
        }
    }
}

extension AgentModelName {
    /// The model sizes this name stands for.
    public var size: AgentModelSize {
        switch self {
        case .light: .light
        case .production: .production
        }
    }
}
