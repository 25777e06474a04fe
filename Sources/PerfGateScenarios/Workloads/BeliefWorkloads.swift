import PerfGateStatistics
import PerfGateAgents
import PerfGateHarness

/// Workloads of one agent's inference, outside coordination.
enum BeliefWorkloads {
    /// `update_seconds`: one Bayesian belief update (log space, normalised) of one agent, timed over
    /// calibrated batches of updates (each sample at least 10 ms) and divided per update.
    ///
    /// Observations and actions cycle deterministically through the model's alphabets, so every
    /// run does the same arithmetic.
    static func update(model size: AgentModelSize, seed: UInt64, injection: FaultInjection) -> any Workload {
        let state = AgentState(size: size, seed: seed, injection: injection)
        return CalibratedWorkload(metric: "update_seconds") { iterations in
            state.update(times: iterations)
        }
    }
}

/// One agent kept across calibrated batches (the calibrator calls its body many times).
private final class AgentState {
    private var agent: ActiveInferenceAgent
    private var step = 0

    init(size: AgentModelSize, seed: UInt64, injection: FaultInjection) {
        let model = GenerativeModel(seededWith: seed, size: size)
        agent = ActiveInferenceAgent(id: 0, model: model, seed: seed &+ 1, injection: injection)
    }

    func update(times: Int) {
        let size = agent.model.size
        for _ in 0..<times {
            agent.observe(step % size.observations, after: step % size.actions)
            step &+= 1
        }
        blackHole(agent.belief[0])
    }
}

/// `convergence_seconds`: the time for a fresh agent's belief to settle on a stationary world.
///
/// The world's true hidden state is fixed; the agent stays put and observes draws from the
/// likelihood column of that state (seeded). Settled means the most probable state holds at least
/// ``settledProbability`` of the belief; the sample is the wall time from the prior to that point
/// (at most ``maximumSteps`` updates). The steps are the same in every run for a seed, so the time
/// follows the cost of an update times a deterministic number of steps.
final class BeliefConvergenceWorkload: Workload {
    static let settledProbability = 0.95
    static let maximumSteps = 500

    private let size: AgentModelSize
    private let seed: UInt64
    private let injection: FaultInjection
    private var model: GenerativeModel?
    private var observations: [Int] = []

    init(model size: AgentModelSize, seed: UInt64, injection: FaultInjection) {
        self.size = size
        self.seed = seed
        self.injection = injection
    }

    /// Builds the model and the fixed observation sequence (drawn from the true state's likelihood column).
    func prepare() throws {
        let model = GenerativeModel(seededWith: seed, size: size)
        self.model = model
        var generator = SplitMix64(seed: seed &+ 7)
        let trueState = Int(generator.next() % UInt64(size.states))
        observations = (0..<Self.maximumSteps).map { _ in
            Self.draw(column: trueState, of: model, using: &generator)
        }
    }

    func runBlock(sampleCount: Int) throws -> MetricSamples {
        guard let model else { return [:] }
        var seconds: [Double] = []
        for _ in 0..<sampleCount {
            var agent = ActiveInferenceAgent(id: 0, model: model, seed: seed, injection: injection)
            let watch = Stopwatch()
            for observation in observations {
                agent.observe(observation, after: 0)
                if (agent.belief.max() ?? 0) >= Self.settledProbability { break }
            }
            seconds.append(Double(watch.elapsedNanoseconds) * 1e-9)
        }
        return ["convergence_seconds": seconds]
    }

    /// An observation drawn from A[:, state] (column-major, `state · O + o`).
    private static func draw(column state: Int, of model: GenerativeModel, using generator: inout SplitMix64) -> Int {
        let observations = model.size.observations
        var remaining = Double(generator.next() >> 11) / Double(1 << 53)
        for observation in 0..<observations {
            remaining -= model.likelihood[state * observations + observation]
            if remaining < 0 { return observation }
        }
        return observations - 1
    }
}
