import PerfGateAgents
import PerfGateHarness

/// Contract-net coordination rounds of one swarm, measured as the production system would see them.
///
/// One sample is a batch of consecutive rounds lasting at least ``targetSampleDuration`` (one
/// round when a round is longer), so each sample is far above the clock's cost (about 21 ns) and
/// the task-scheduling jitter of a single short round averages out. Per sample it reports
/// - `round_seconds`: batch wall time / rounds,
/// - `throughput_per_second`: agent steps (one step = one agent's bid, action and belief update
///   in one round) per second = agents × rounds / batch wall time,
/// - `messages_per_round`: protocol messages per round (announcements, bids, awards, acknowledgements),
/// - `timeout_ratio`: the fraction of rounds whose bids were not all in before the deadline.
///
/// `efficiency_ratio` is derived later from the throughput of 1 agent (see `DerivedMetrics`).
final class CoordinationWorkload: Workload {
    /// The shortest a sample may be.
    static let targetSampleDuration: Duration = .milliseconds(20)

    private let agentCount: Int
    private let model: AgentModelSize
    private let seed: UInt64
    private let deadline: Duration
    private let injection: FaultInjection
    private var swarm: Swarm?
    private var roundsPerSample = 1

    init(agentCount: Int, model: AgentModelSize, seed: UInt64, deadline: Duration, injection: FaultInjection) {
        self.agentCount = agentCount
        self.model = model
        self.seed = seed
        self.deadline = deadline
        self.injection = injection
    }

    /// Builds the swarm, warms it up for at least 100 ms (and 3 rounds), and calibrates rounds per sample.
    func prepare() throws {
        let swarm = Swarm(agentCount: agentCount, model: model, seed: seed, roundDeadline: deadline, injection: injection)
        self.swarm = swarm
        var warmup = Batch.empty
        while warmup.rounds < 3 || warmup.elapsed < .milliseconds(100) {
            warmup = warmup + Self.runRounds(swarm, count: 1)
        }
        let perRound = warmup.elapsed / warmup.rounds
        roundsPerSample = max(1, Int((Self.targetSampleDuration / perRound).rounded(.up)))
    }

    func runBlock(sampleCount: Int) throws -> MetricSamples {
        guard let swarm else { return [:] }
        var samples: MetricSamples = [:]
        for _ in 0..<sampleCount {
            let batch = Self.runRounds(swarm, count: roundsPerSample)
            let seconds = batch.elapsed.seconds
            let rounds = Double(batch.rounds)
            samples["round_seconds", default: []].append(seconds / rounds)
            samples["throughput_per_second", default: []].append(Double(agentCount) * rounds / seconds)
            samples["messages_per_round", default: []].append(Double(batch.messages) / rounds)
            samples["timeout_ratio", default: []].append(Double(batch.timeouts) / rounds)
        }
        return samples
    }

    /// Rounds run back to back inside one task, timed there, so the thread hop is not measured.
    private static func runRounds(_ swarm: Swarm, count: Int) -> Batch {
        AsyncBridge.wait {
            var batch = Batch.empty
            let start = MonotonicClock.now()
            for _ in 0..<count {
                let outcome = await swarm.runRound()
                batch.messages += outcome.messages
                batch.timeouts += outcome.timedOut ? 1 : 0
            }
            batch.elapsed = MonotonicClock.now() - start
            batch.rounds = count
            return batch
        }
    }

    /// Totals over consecutive rounds.
    private struct Batch: Sendable {
        var rounds = 0
        var elapsed: Duration = .zero
        var messages = 0
        var timeouts = 0
        static let empty = Batch()
        static func + (lhs: Batch, rhs: Batch) -> Batch {
            Batch(
                rounds: lhs.rounds + rhs.rounds, elapsed: lhs.elapsed + rhs.elapsed,
                messages: lhs.messages + rhs.messages, timeouts: lhs.timeouts + rhs.timeouts
            )
        }
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
