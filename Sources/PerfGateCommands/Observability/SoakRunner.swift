import PerfGateAgents
import PerfGateMonitoring
import Synchronization

/// `bench serve --soak`: a swarm coordinating round after round on a background task, updating the
/// coordination families of a ``LiveRegistry`` after every round.
///
/// Per round: `agent_coordination_requests_total` +1, `agent_coordination_errors_total{reason="timeout"}`
/// +1 when a bid missed the deadline, `agent_coordination_duration_seconds{agents="N"}` observes the
/// round's duration, `belief_state_updates_total` + agents (one belief update each), and
/// `belief_convergence_time_seconds` observes the act phase (every agent observing and updating its
/// belief: the time the round's beliefs take to settle; a proxy, stated as such in the README).
/// At start: `agent_coordination_concurrent_sessions` = agents, `agent_memory_bytes` per agent (capped,
/// see ``LiveRegistry/agentSeriesCap``); at stop the sessions gauge returns to 0.
///
/// The first ``CoordinationTracer/maxTracedRounds`` rounds are traced (spans kept for `--trace`) and,
/// with JSON logs, logged with their trace ids; later rounds only update metrics, so memory stays bounded.
final class SoakRunner: Sendable {
    private struct State {
        var tracer: CoordinationTracer
        var roundSeconds: [Double] = []
    }

    /// Round durations kept for the scrape benchmark (the oldest are dropped past this).
    static let maxKeptRounds = 1_000_000

    let swarm: Swarm
    let registry: LiveRegistry
    let log: DiagnosticLog
    let runID: String
    let pause: Duration
    private let state: Mutex<State>
    private let task = Mutex<Task<Void, Never>?>(nil)
    /// Set by ``stop()``; checked between rounds. (The task is never cancelled: a cancelled task ends
    /// the swarm's mailbox iteration early, and `Swarm.runRound()` then traps on missing proposals.)
    private let stopRequested = Atomic<Bool>(false)

    /// Creates a soak of `agents` agents of `model` (seeded), tracing at most `tracedRounds` rounds.
    init(
        agents: Int,
        model: AgentModelSize,
        seed: UInt64,
        registry: LiveRegistry,
        log: DiagnosticLog,
        runID: String,
        tracedRounds: Int,
        pause: Duration = .zero
    ) {
        swarm = Swarm(agentCount: agents, model: model, seed: seed, roundDeadline: .milliseconds(250))
        self.registry = registry
        self.log = log
        self.runID = runID
        self.pause = pause
        state = Mutex(State(tracer: CoordinationTracer(seed: seed, maxTracedRounds: tracedRounds)))
    }

    /// Starts the rounds on a background task (once).
    func start() {
        let agents = swarm.agentCount
        registry.set("agent_coordination_concurrent_sessions", to: Double(agents))
        registry.setPerAgent(
            "agent_memory_bytes",
            values: Array(repeating: Double(swarm.allocatedBytesPerAgent), count: agents)
        )
        registry.increment("agent_coordination_errors_total", labels: ["reason": "timeout"], by: 0)
        registry.increment("agent_coordination_requests_total", by: 0)
        log.write(.info, "soak started", correlationID: runID, fields: [("run_id", .string(runID))])
        task.withLock { current in
            guard current == nil else { return }
            current = Task.detached { [self] in
                while !stopRequested.load(ordering: .acquiring) {
                    await runOneRound()
                    if pause > .zero { try? await Task.sleep(for: pause) }
                }
            }
        }
    }

    /// Stops after the round in flight and waits for it; the sessions gauge returns to 0.
    func stop() async {
        stopRequested.store(true, ordering: .releasing)
        let running = task.withLock { $0 }
        await running?.value
        registry.set("agent_coordination_concurrent_sessions", to: 0)
        log.write(.info, "soak stopped", correlationID: runID, fields: [("run_id", .string(runID))])
    }

    /// The spans of the traced rounds.
    var spans: [TraceSpan] { state.withLock { $0.tracer.spans } }
    /// Rounds completed so far.
    var rounds: Int { state.withLock { $0.tracer.rounds } }
    /// The durations of the rounds from index `start` on, in seconds.
    func roundSeconds(from start: Int) -> [Double] {
        state.withLock { Array($0.roundSeconds.dropFirst(start)) }
    }
    /// The number of round durations kept.
    var keptRounds: Int { state.withLock { $0.roundSeconds.count } }
    /// The phase shares over every round so far.
    var phaseProfile: PhaseProfile {
        state.withLock { PhaseProfile(totals: $0.tracer.phaseTotals, rounds: $0.tracer.rounds) }
    }

    private func runOneRound() async {
        let agents = swarm.agentCount
        let start = CoordinationTracer.wallNanos()
        let outcome = await swarm.runRound()
        let seconds = Double(CoordinationTracer.nanos(outcome.phases.total)) / 1e9
        registry.increment("agent_coordination_requests_total")
        if outcome.timedOut { registry.increment("agent_coordination_errors_total", labels: ["reason": "timeout"]) }
        registry.observe("agent_coordination_duration_seconds", labels: ["agents": String(agents)], seconds)
        registry.increment("belief_state_updates_total", by: Double(agents))
        registry.observe("belief_convergence_time_seconds", Double(CoordinationTracer.nanos(outcome.phases.act)) / 1e9)
        let correlation = "\(runID)/round-\(outcome.round)"
        let ids = state.withLock { state in
            if state.roundSeconds.count < Self.maxKeptRounds { state.roundSeconds.append(seconds) }
            return state.tracer.record(
                outcome,
                startNanos: start,
                agents: agents,
                scenario: "soak",
                correlationID: correlation
            )
        }
        guard let ids, log.json else { return }
        log.write(
            outcome.timedOut ? .warn : .info,
            outcome.timedOut ? "coordination round timed out" : "coordination round finished",
            correlationID: correlation,
            traceID: ids.traceID,
            spanID: ids.roundSpanID,
            fields: [("run_id", .string(runID)), ("scenario", .string("soak")), ("round", .int(outcome.round))]
        )
    }
}
