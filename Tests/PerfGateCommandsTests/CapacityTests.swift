import Testing

@testable import PerfGateCommands

/// `bench capacity`'s search, objectives and document, with measurements made up.
struct CapacityTests {
    /// A point whose round p95 is 4 ms per agent.
    static func point(_ agents: Int) -> CapacityPoint {
        var point = CapacityPoint(agents: agents, results: CalibrationTests.run(center: 1, seed: 0))
        point.roundP95 = 0.004 * Double(agents)
        point.roundP50 = 0.003 * Double(agents)
        point.timeoutRatio = 0
        return point
    }

    @Test func doublingThenBisectionFindsTheLastCountWithinTheDeadline() async throws {
        let objectives = [ServiceObjective(quantity: "round_seconds.p95", maximum: 0.25)]  // holds up to 62 agents
        var measured: [Int] = []
        let outcome = try await CapacityRamp(objectives: objectives, maxAgents: 1000, bisectionSteps: 10).search { agents in
            measured.append(agents)
            return Self.point(agents)
        }
        #expect(Array(measured.prefix(7)) == [1, 2, 4, 8, 16, 32, 64])
        #expect(outcome.largestHolding == 62 && outcome.firstFailing == 63)
        #expect(outcome.failedObjectives.first?.hasPrefix("round_seconds.p95 0.252 > 0.25") == true)
        let document = CapacityDocument(outcome: outcome, objectives: objectives, command: "bench capacity", date: "d", machine: "m", notes: [])
        #expect(document.verdict.contains("published limit of 50 coordinating agents is **confirmed**"))
        #expect(document.svg(deadline: 0.25).hasPrefix("<svg"))
    }

    @Test func aLimitBelowFiftyIsReportedAsACorrection() async throws {
        let objectives = [ServiceObjective(quantity: "round_seconds.p95", maximum: 0.1)]
        let outcome = try await CapacityRamp(objectives: objectives, maxAgents: 256, bisectionSteps: 10).search { Self.point($0) }
        #expect(outcome.largestHolding == 25 && outcome.firstFailing == 26)
        let document = CapacityDocument(outcome: outcome, objectives: objectives, command: "c", date: "d", machine: "m", notes: [])
        #expect(document.verdict.contains("should be corrected to 25"))
    }

    @Test func objectivesParseAndBadOnesAreUsageErrors() async throws {
        let parsed = try ServiceObjective.parse("round_seconds.p95<=0.2,timeout_ratio<=0.05", command: "bench capacity")
        #expect(parsed == [ServiceObjective(quantity: "round_seconds.p95", maximum: 0.2), ServiceObjective(quantity: "timeout_ratio", maximum: 0.05)])
        let run = await runBench(["capacity", "--slo", "latency<0.2"])
        #expect(run.status == .failure)
        #expect(run.standardError.contains("--slo expects NAME<=VALUE"))
    }
}
