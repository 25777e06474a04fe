import PerfGateAgents
import PerfGateMonitoring
import Testing

@testable import PerfGateCommands

struct CoordinationTracerTests {
    @Test func aTenAgentRoundHasAnnounceTenBidsAwardAndActUnderItsRoot() async {
        let swarm = Swarm(agentCount: 10, model: .light, seed: 5, roundDeadline: .seconds(10))
        var tracer = CoordinationTracer(seed: 9)
        for _ in 0..<2 {
            let start = CoordinationTracer.wallNanos()
            let outcome = await swarm.runRound()
            #expect(outcome.bidArrivals.count == 10)
            _ = tracer.record(outcome, startNanos: start, agents: 10, scenario: "test", correlationID: "c")
        }
        let roots = tracer.spans.filter { $0.parentSpanID == nil }
        #expect(roots.count == 2 && roots.allSatisfy { $0.name == "coordination.round" })
        for root in roots {
            let children = tracer.spans.filter { $0.parentSpanID == root.spanID }
            #expect(
                children.map(\.name).filter { $0 != "coordination.bid" } == [
                    "coordination.announce", "coordination.award", "coordination.act",
                ]
            )
            let bids = children.filter { $0.name == "coordination.bid" }
            #expect(bids.count == 10)
            #expect(Set(bids.map(\.lane)) == Set(1...10))
            #expect(
                children.allSatisfy {
                    $0.traceID == root.traceID && $0.startNanos >= root.startNanos && $0.endNanos <= root.endNanos
                }
            )
        }
        #expect(Set(tracer.spans.map(\.spanID)).count == tracer.spans.count)
    }

    @Test func tracingStopsAfterTheCapButPhasesKeepCounting() async {
        let swarm = Swarm(agentCount: 2, model: .light, seed: 5, roundDeadline: .seconds(10))
        var tracer = CoordinationTracer(seed: 1, maxTracedRounds: 1)
        for _ in 0..<3 {
            let outcome = await swarm.runRound()
            _ = tracer.record(outcome, startNanos: 1, agents: 2, scenario: "s", correlationID: "c")
        }
        #expect(tracer.rounds == 3)
        #expect(tracer.spans.filter { $0.parentSpanID == nil }.count == 1)
    }

    @Test func thePhaseProfileNamesTheDominantPhase() {
        let profile = PhaseProfile(
            totals: PhaseDurations(
                announce: .milliseconds(2),
                bid: .milliseconds(71),
                award: .milliseconds(1),
                act: .milliseconds(26)
            ),
            rounds: 20
        )
        #expect(profile.dominant.name == "bid")
        #expect(
            profile.line(benchmark: "coordination/contract-net[agents=50]")
                == "coordination/contract-net[agents=50]: bid 71% of round time (announce 2%, award 1%, act 26%; 20 rounds)"
        )
    }
}
