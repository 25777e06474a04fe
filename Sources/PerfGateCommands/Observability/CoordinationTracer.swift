import Glibc
import PerfGateAgents
import PerfGateMonitoring

/// Turns coordination rounds into spans: one trace per round, `coordination.round` as the root with
/// children `coordination.announce`, `coordination.bid` (one per agent, on the agent's own lane),
/// `coordination.award` and `coordination.act`.
///
/// Spans are built from what ``Swarm/runRound()`` already measures (``PhaseDurations`` and
/// ``RoundOutcome/bidArrivals``) plus one wall-clock reading before the round: nothing is recorded
/// inside the round, so tracing adds no work to the timed region. Bid span *i* runs from dispatch to
/// the arrival of agent *i*'s proposal. Ids come from a ``TraceIDGenerator`` seeded by the caller.
struct CoordinationTracer {
    /// Ids of one traced round, for log lines that join it.
    struct RoundIDs {
        var traceID: String
        var roundSpanID: String
        var bidSpanIDs: [String]
    }

    private(set) var spans: [TraceSpan] = []
    private(set) var phaseTotals = PhaseDurations(announce: .zero, bid: .zero, award: .zero, act: .zero)
    private(set) var rounds = 0
    private var ids: TraceIDGenerator
    /// The most rounds kept; later rounds still add to ``phaseTotals`` but make no spans.
    let maxTracedRounds: Int

    init(seed: UInt64, maxTracedRounds: Int = .max) {
        ids = TraceIDGenerator(seed: seed)
        self.maxTracedRounds = maxTracedRounds
    }

    /// The current wall-clock time in Unix nanoseconds (`CLOCK_REALTIME`).
    static func wallNanos() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// Records a round that started at `startNanos`; returns its ids, or nil past ``maxTracedRounds``.
    mutating func record(
        _ outcome: RoundOutcome,
        startNanos: UInt64,
        agents: Int,
        scenario: String,
        correlationID: String
    ) -> RoundIDs? {
        let phases = outcome.phases
        phaseTotals = PhaseDurations(
            announce: phaseTotals.announce + phases.announce,
            bid: phaseTotals.bid + phases.bid,
            award: phaseTotals.award + phases.award,
            act: phaseTotals.act + phases.act
        )
        rounds += 1
        guard rounds <= maxTracedRounds else { return nil }
        let traceID = ids.traceID()
        let rootID = ids.spanID()
        let announceEnd = startNanos + Self.nanos(phases.announce)
        let bidEnd = announceEnd + Self.nanos(phases.bid)
        let awardEnd = bidEnd + Self.nanos(phases.award)
        let end = awardEnd + Self.nanos(phases.act)
        let common: [(key: String, value: TraceSpan.Value)] = [
            ("perfgate.round", .int(outcome.round)), ("perfgate.agents", .int(agents)),
        ]
        spans.append(
            TraceSpan(
                traceID: traceID,
                spanID: rootID,
                parentSpanID: nil,
                name: "coordination.round",
                startNanos: startNanos,
                endNanos: end,
                attributes: common + [
                    ("perfgate.scenario", .string(scenario)), ("perfgate.correlation_id", .string(correlationID)),
                    ("perfgate.timed_out", .int(outcome.timedOut ? 1 : 0)),
                ]
            )
        )
        func child(_ name: String, _ start: UInt64, _ stop: UInt64) {
            spans.append(
                TraceSpan(
                    traceID: traceID,
                    spanID: ids.spanID(),
                    parentSpanID: rootID,
                    name: name,
                    startNanos: start,
                    endNanos: stop,
                    attributes: common
                )
            )
        }
        child("coordination.announce", startNanos, announceEnd)
        var bidIDs: [String] = []
        for (agent, arrival) in outcome.bidArrivals.enumerated() {
            let spanID = ids.spanID()
            bidIDs.append(spanID)
            spans.append(
                TraceSpan(
                    traceID: traceID,
                    spanID: spanID,
                    parentSpanID: rootID,
                    name: "coordination.bid",
                    startNanos: announceEnd,
                    endNanos: min(bidEnd, announceEnd + Self.nanos(arrival)),
                    attributes: common + [("perfgate.agent_id", .string(Self.agentID(agent)))],
                    lane: agent + 1
                )
            )
        }
        child("coordination.award", bidEnd, awardEnd)
        child("coordination.act", awardEnd, end)
        return RoundIDs(traceID: traceID, roundSpanID: rootID, bidSpanIDs: bidIDs)
    }

    /// The agent id as spans and logs spell it (`agent-3`).
    static func agentID(_ index: Int) -> String { "agent-\(index)" }

    static func nanos(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
