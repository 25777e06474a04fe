import Foundation
import Testing

@testable import PerfGateCommands

/// `bench capacity`'s two ramps, objectives, memory cap and document, with measurements made up.
struct CapacityTests {
    static let defaults = ServiceObjective.defaults(roundDeadline: 0.25)

    /// A coordination point: round p95 1 ms up to 64 agents, then 4× per doubling (quadratic above 64).
    static func coordinationPoint(_ agents: Int) -> CapacityPoint {
        var point = CapacityPoint(agents: agents)
        let p95 = agents <= 64 ? 0.001 : 0.001 * pow(Double(agents) / 64, 2)
        (point.roundP50, point.roundP95, point.timeoutRatio) = (p95 * 0.8, p95, 0)
        (point.throughput, point.bytesPerAgent) = (10_000, 25_725_000)
        return point
    }

    /// An API point: p95 of 0.2 ms per connection; 1% of requests fail at 128 connections, 2% at 256.
    static func apiPoint(_ agents: Int) -> CapacityPoint {
        var point = CapacityPoint(agents: agents)
        let errors = agents >= 128 ? 0.01 * Double(agents) / 128 : 0
        (point.apiP50, point.apiP95, point.apiThroughput, point.apiErrorRatio) = (0.0001 * Double(agents), 0.0002 * Double(agents), 8000, errors)
        return point
    }

    static func document(_ ramps: [CapacityRampResult]) -> CapacityDocument {
        CapacityDocument(ramps: ramps, command: "bench capacity", date: "d", machine: "m", notes: [], memoryCap: MemoryCap(limitBytes: 12e9))
    }

    @Test func theObjectivesAreSplitBetweenTheRampsByQuantity() throws {
        #expect(ServiceObjective.objectives(Self.defaults, of: .coordination).map(\.quantity) == ["round_seconds.p95", "timeout_ratio", "bytes_per_agent"])
        #expect(ServiceObjective.objectives(Self.defaults, of: .api).map(\.quantity) == ["api_latency_seconds.p95", "api_error_ratio"])
        let parsed = try ServiceObjective.parse("api_mixed_latency_seconds.p95<=1,round_seconds.p50<=0.1,api_error_ratio<=0.01", command: "bench capacity")
        #expect(parsed.map(\.ramp) == [.api, .coordination, .api])
        #expect(CapacityCommand.skipReason(.api, objectives: [], selected: true)?.contains("no objective of --slo") == true)
        #expect(CapacityCommand.skipReason(.api, objectives: parsed, selected: false)?.contains("not selected") == true)
        #expect(CapacityCommand.skipReason(.coordination, objectives: parsed, selected: true) == nil)
        #expect(CapacityRampKind.selected(by: nil) == [.coordination, .api] && CapacityRampKind.selected(by: "api") == [.api])
    }

    @Test func theCoordinationRampDoublesThenBisectsToTheLastCountWithinTheDeadline() async throws {
        let objectives = ServiceObjective.objectives(Self.defaults, of: .coordination)
        var measured: [Int] = []
        let outcome = try await CapacityRamp(objectives: objectives, maxAgents: 2048, bisectionSteps: 10).search { agents in
            measured.append(agents)
            return Self.coordinationPoint(agents)
        }
        // 0.001 × (n/64)² ≤ 0.25 ⇔ n ≤ 64 × √250 ≈ 1011.9.
        #expect(Array(measured.prefix(11)) == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024])
        #expect(outcome.largestHolding == 1011 && outcome.firstFailing == 1012)
        #expect(outcome.failedObjectives.count == 1 && outcome.failedObjectives[0].hasPrefix("round_seconds.p95 0.25"))
        let ramp = CapacityRampResult(kind: .coordination, objectives: objectives, maxAgents: 2048, outcome: outcome)
        let verdict = CapacityVerdict(ramp: ramp, publishedLimit: 50).text
        #expect(verdict.contains("published limit of 50 coordinating agents is **confirmed**"))
        #expect(verdict.contains("margin of 20.22×") && verdict.contains("First failing count: **1012**"))
    }

    @Test func anAPIRampThatNeverBreaksHoldsUpToTheMaximumTried() async throws {
        let objectives = [ServiceObjective(quantity: "api_latency_seconds.p95", maximum: 0.5)]
        let outcome = try await CapacityRamp(objectives: objectives, maxAgents: 256, bisectionSteps: 4).search { Self.apiPoint($0) }
        #expect(outcome.points.map(\.agents) == [1, 2, 4, 8, 16, 32, 64, 128, 256])
        #expect(outcome.largestHolding == 256 && outcome.firstFailing == nil && outcome.failedObjectives.isEmpty)
        let ramp = CapacityRampResult(kind: .api, objectives: objectives, maxAgents: 256, outcome: outcome)
        let verdict = CapacityVerdict(ramp: ramp, publishedLimit: 50).text
        #expect(verdict.contains("Held up to 256, the maximum tried"))
        #expect(verdict.contains("50 agents over the API (one connection each) are within the API objectives, with a margin of at least 5.12×"))
        #expect(verdict.contains("Failed requests appear from 128 connections on (at most 2%, at 256); `api_error_ratio<=X` in --slo would judge them."))
        #expect(ramp.objectiveRows() == [["`api_latency_seconds.p95<=0.5`", "api", "256", "not broken (measured up to 256)"]])
    }

    @Test func theDefaultAPIObjectivesBreakOnFailedRequests() async throws {
        let objectives = ServiceObjective.objectives(Self.defaults, of: .api)
        let outcome = try await CapacityRamp(objectives: objectives, maxAgents: 256, bisectionSteps: 4).search { Self.apiPoint($0) }
        #expect(outcome.failedObjectives.first?.hasPrefix("api_error_ratio") == true)
        let ramp = CapacityRampResult(kind: .api, objectives: objectives, maxAgents: 256, outcome: outcome)
        let verdict = CapacityVerdict(ramp: ramp, publishedLimit: 50).text
        #expect(verdict.contains("First failing count: **\(outcome.firstFailing ?? 0)** (api_error_ratio"))
        #expect(verdict.hasSuffix("Failed requests appear from 128 connections on (at most 2%, at 256)."))
    }

    @Test func aCoordinationLimitBelowFiftyIsReportedAsACorrection() async throws {
        let objectives = [ServiceObjective(quantity: "round_seconds.p95", maximum: 0.1)]
        let outcome = try await CapacityRamp(objectives: objectives, maxAgents: 256, bisectionSteps: 10).search { agents in
            var point = Self.coordinationPoint(agents)
            point.roundP95 = 0.004 * Double(agents)
            return point
        }
        #expect(outcome.largestHolding == 25 && outcome.firstFailing == 26)
        let ramp = CapacityRampResult(kind: .coordination, objectives: objectives, maxAgents: 256, outcome: outcome)
        #expect(CapacityVerdict(ramp: ramp, publishedLimit: 50).text.contains("should be **corrected to 25**"))
    }

    @Test func theMemoryCapAllowsOnlySwarmsWithinHalfThePhysicalMemory() {
        var cap = MemoryCap(limitBytes: 100 * 25_725_000)
        #expect(cap.allows(100) && !cap.allows(101) && cap.largestCount == 100)
        cap.observe(bytesPerAgent: 20_000_000)  // never lowered
        #expect(cap.bytesPerAgent == 25_725_000)
        cap.observe(bytesPerAgent: 51_450_000)
        #expect(cap.allows(50) && !cap.allows(51))
        #expect(MemoryCap.thisMachine.limitBytes == Double(ProcessInfo.processInfo.physicalMemory) / 2)
    }

    @Test func theDocumentHasAVerdictATableAndAChartPerRampAndMarksSkippedMemory() {
        var coordination = (1...3).map { Self.coordinationPoint(1 << ($0 * 4)) }  // 16, 256, 4096 agents
        coordination[2].bytesPerAgent = nil
        coordination[2].isMemorySkipped = true
        let outcome = CapacityRamp.Outcome(points: coordination, largestHolding: 256, firstFailing: 4096, failedObjectives: ["round_seconds.p95 4.1 > 0.25"])
        let api = CapacityRamp.Outcome(points: [Self.apiPoint(1), Self.apiPoint(64)], largestHolding: 64, firstFailing: nil, failedObjectives: [])
        let document = Self.document([
            CapacityRampResult(kind: .coordination, objectives: ServiceObjective.objectives(Self.defaults, of: .coordination), maxAgents: 4096, outcome: outcome),
            CapacityRampResult(kind: .api, objectives: ServiceObjective.objectives(Self.defaults, of: .api), maxAgents: 64, outcome: api),
        ])
        let markdown = document.markdown(chartName: "capacity.svg")
        for needed in ["## Verdict", "**Coordination.** Largest count", "**API.** Largest count", "## Coordination ramp", "## API ramp",
                       "| `round_seconds.p95<=0.25` | coordination | 256 | 4096 |", "| 4096 |", "— (not run)",
                       "at 4096 agents: the memory scenario", "![round p95 and API p95", "## Method"] {
            #expect(markdown.contains(needed), "document lacks \(needed)")
        }
        #expect(document.coordinationTable()[3][6] == "— (not run)" && document.coordinationTable()[2][6] == "24.53")
        #expect(document.apiTable()[2] == ["64", "6.4", "12.8", "8000", "0.0", "hold"])
        let svg = CapacityChart(document: document).svg()
        #expect(svg.hasPrefix("<svg") && svg.components(separatedBy: "<polyline").count == 3)
        #expect(svg.contains("round_seconds.p95&lt;=0.25") && svg.contains("api_latency_seconds.p95&lt;=0.5") && !svg.contains("p95<="))
    }

    @Test func aSkippedRampSaysWhyInTheDocument() {
        let document = Self.document([
            CapacityRampResult(kind: .coordination, objectives: [], maxAgents: 2048, skipReason: "the coordination ramp was not selected (--ramp)")
        ])
        #expect(document.markdown(chartName: "c.svg").contains("**Coordination.** Not measured: the coordination ramp was not selected (--ramp)."))
        #expect(CapacityChart(document: document).svg().contains("no data"))
    }

    @Test(arguments: [
        ["--slo", "latency<0.2"], ["--slo", "round_seconds.p95<=-1"], ["--slo", "round_seconds.p95<=0.2,"], ["--slo", "timeout_ratio<=x"],
        ["--ramp", "memory"], ["--ramp", "api", "--slo", "round_seconds.p95<=0.25"], ["--max-agents", "0"],
    ])
    func badOptionsAreUsageErrors(_ options: [String]) async {
        let run = await runBench(["capacity"] + options + ["--output", "/nonexistent/CAPACITY.md"])
        #expect(run.status == .failure)
        #expect(run.standardError.hasPrefix("bench: error: ") && !run.standardError.contains("Fatal"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func anSLOUsageErrorNamesTheAllowedQuantities() async {
        let run = await runBench(["capacity", "--slo", "latency<0.2"])
        #expect(run.standardError.contains("--slo expects NAME<=VALUE") && run.standardError.contains("api_mixed_latency_seconds.p95"))
        let nothing = await runBench(["capacity", "--ramp", "api", "--slo", "round_seconds.p95<=0.25"])
        #expect(nothing.standardError.contains("nothing to measure"))
    }
}
