import PerfGateStatistics
import PerfGateAgents
import PerfGateHarness

/// Fixed amounts of work for counting instructions (`bench run --instructions`): the same arithmetic
/// on every run, with no calibration by time and no deadline that a slow (instrumented) process
/// could miss.
///
/// Supported: belief updates (`belief-update` scenarios) and coordination rounds at 1 and 10 agents.
public enum InstructionWorkloads {
    /// The agent counts of coordination scenarios whose rounds are counted.
    public static let coordinationAgentCounts: Set<Int> = [1, 10]

    /// Whether instructions are counted for `benchmark`.
    public static func supports(_ benchmark: PlannedBenchmark) -> Bool {
        switch benchmark.definition.kind {
        case .beliefUpdate: true
        case .coordination: coordinationAgentCounts.contains(benchmark.agentCount ?? 1)
        default: false
        }
    }

    /// Units of work per sample: 1,000 belief updates, or 4 coordination rounds.
    public static func unitsPerSample(_ benchmark: PlannedBenchmark) -> Int {
        benchmark.definition.kind == .beliefUpdate ? 1_000 : 4
    }

    /// Sets the benchmark's agents up as its timed workload does (same seeds), then does `units` units
    /// of work (none for 0, which measures the setup alone). Unsupported benchmarks do nothing.
    ///
    /// Blocks the calling thread while coordination rounds run; call it from a thread of its own.
    public static func run(_ benchmark: PlannedBenchmark, settings: WorkloadSettings, units: Int) {
        let definition = benchmark.definition
        let model = definition.agentModel.size
        let seed = SplitMix64.derivedSeed(runSeed: settings.seed, stream: benchmark.agentCount ?? 0, purpose: 100)
        switch definition.kind {
        case .beliefUpdate:
            var agent = ActiveInferenceAgent(
                id: 0, model: GenerativeModel(seededWith: seed, size: model), seed: seed &+ 1, injection: settings.injection
            )
            for step in 0..<units { agent.observe(step % model.observations, after: step % model.actions) }
            blackHole(agent.belief[0])
        case .coordination:
            let swarm = Swarm(
                agentCount: benchmark.agentCount ?? 1, model: model, seed: seed, roundDeadline: .seconds(3_600),
                injection: settings.injection
            )
            let messages = AsyncBridge.wait {
                var total = 0
                for _ in 0..<units { total += await swarm.runRound().messages }
                return total
            }
            blackHole(Double(messages))
        default:
            return
        }
    }
}
