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

    /// Units of work per sample: 100 belief updates, or 4 coordination rounds.
    public static func unitsPerSample(_ benchmark: PlannedBenchmark) -> Int {
        benchmark.definition.kind == .beliefUpdate ? 100 : 4
    }

    /// Sets the benchmark's agents up as its timed workload does (same seeds, same injection) and
    /// returns the work: a function doing `units` units each time it is called (belief updates
    /// continue where the last call stopped; rounds follow one another). Nil for an unsupported
    /// benchmark.
    ///
    /// The coordination work blocks the calling thread while rounds run; call it from a thread of its own.
    public static func prepare(_ benchmark: PlannedBenchmark, settings: WorkloadSettings) -> ((Int) -> Void)? {
        let definition = benchmark.definition
        let model = definition.agentModel.size
        let seed = SplitMix64.derivedSeed(runSeed: settings.seed, stream: benchmark.agentCount ?? 0, purpose: 100)
        switch definition.kind {
        case .beliefUpdate:
            let updater = BeliefUpdater(
                agent: ActiveInferenceAgent(
                    id: 0, model: GenerativeModel(seededWith: seed, size: model), seed: seed &+ 1, injection: settings.injection
                ),
                observations: model.observations, actions: model.actions
            )
            return updater.update(count:)
        case .coordination:
            let swarm = Swarm(
                agentCount: benchmark.agentCount ?? 1, model: model, seed: seed, roundDeadline: .seconds(3_600),
                injection: settings.injection
            )
            return { units in
                let messages = AsyncBridge.wait {
                    var total = 0
                    for _ in 0..<units { total += await swarm.runRound().messages }
                    return total
                }
                blackHole(Double(messages))
            }
        default:
            return nil
        }
    }

    /// Sets up and does `units` units of work in one go (none for 0, which measures the setup alone).
    public static func run(_ benchmark: PlannedBenchmark, settings: WorkloadSettings, units: Int) {
        prepare(benchmark, settings: settings)?(units)
    }
}

/// One agent observing a fixed cycle of observations and actions, continued across calls.
private final class BeliefUpdater {
    private var agent: ActiveInferenceAgent
    private let observations: Int
    private let actions: Int
    private var step = 0

    init(agent: ActiveInferenceAgent, observations: Int, actions: Int) {
        self.agent = agent
        self.observations = observations
        self.actions = actions
    }

    /// `count` more belief updates.
    func update(count: Int) {
        for _ in 0..<count {
            agent.observe(step % observations, after: step % actions)
            step += 1
        }
        blackHole(agent.belief[0])
    }
}
