import PerfGateStatistics
import PerfGateAgents
import PerfGateMonitoring
import PerfGateScenarios

/// The traced replay behind `bench run`'s phase report and `--trace`: after the measured run, in the
/// parent process, each planned coordination benchmark's swarm is rebuilt with the same seed, agent
/// count, model and deadline, warmed up for ``warmupRounds`` rounds and run for ``tracedRounds``
/// traced rounds.
///
/// Why a replay and not the measured rounds: the measured rounds run in worker processes, timed; a
/// replay keeps the trace entirely out of the measured samples (no span bookkeeping in any timed
/// region, no extra protocol between worker and parent), and, being seeded, it plays the same rounds.
/// Its timings are the parent's, under no other load, so shares (not absolute times) are what it reports.
struct CoordinationProfiler {
    /// Rounds run before tracing starts (not traced).
    static let warmupRounds = 2
    /// Rounds traced per benchmark.
    static let tracedRounds = 20

    /// What the replay of one benchmark found.
    struct Profile {
        var benchmark: String
        var phases: PhaseProfile
    }

    var settings: WorkloadSettings
    var runID: String
    var log: DiagnosticLog

    /// Replays every coordination benchmark of `plan`; returns the profiles and every span.
    func profile(plan: BenchmarkPlan) async -> (profiles: [Profile], spans: [TraceSpan]) {
        var profiles: [Profile] = []
        var spans: [TraceSpan] = []
        for (index, benchmark) in plan.benchmarks.enumerated() where benchmark.definition.kind == .coordination {
            let agents = benchmark.agentCount ?? 1
            let swarm = Swarm(
                agentCount: agents,
                model: benchmark.definition.agentModel.size,
                seed: SplitMix64.derivedSeed(runSeed: settings.seed, stream: agents, purpose: 100),
                roundDeadline: benchmark.definition.roundDeadline,
                injection: settings.injection
            )
            for _ in 0..<Self.warmupRounds { _ = await swarm.runRound() }
            var tracer = CoordinationTracer(seed: settings.seed &+ UInt64(index) &* 0x9E37_79B9)
            for _ in 0..<Self.tracedRounds {
                let start = CoordinationTracer.wallNanos()
                let outcome = await swarm.runRound()
                let correlation = "\(runID)/\(benchmark.id)/round-\(outcome.round)"
                guard
                    let ids = tracer.record(
                        outcome,
                        startNanos: start,
                        agents: agents,
                        scenario: benchmark.id,
                        correlationID: correlation
                    )
                else { continue }
                logRound(outcome, ids: ids, scenario: benchmark.id, correlation: correlation)
            }
            profiles.append(
                Profile(
                    benchmark: benchmark.id,
                    phases: PhaseProfile(totals: tracer.phaseTotals, rounds: tracer.rounds)
                )
            )
            spans += tracer.spans
        }
        return (profiles, spans)
    }

    /// One line per round and one per agent's bid (JSON mode only), with the ids of their spans.
    private func logRound(
        _ outcome: RoundOutcome,
        ids: CoordinationTracer.RoundIDs,
        scenario: String,
        correlation: String
    ) {
        guard log.json else { return }
        let common: [(key: String, value: JSONLogLine.Field)] = [
            ("run_id", .string(runID)), ("scenario", .string(scenario)), ("round", .int(outcome.round)),
        ]
        for (agent, spanID) in ids.bidSpanIDs.enumerated() {
            log.write(
                .debug,
                "bid received",
                correlationID: correlation,
                traceID: ids.traceID,
                spanID: spanID,
                fields: common + [("agent_id", .string(CoordinationTracer.agentID(agent)))]
            )
        }
        log.write(
            outcome.timedOut ? .warn : .info,
            outcome.timedOut ? "coordination round timed out" : "coordination round finished",
            correlationID: correlation,
            traceID: ids.traceID,
            spanID: ids.roundSpanID,
            fields: common
        )
    }
}
