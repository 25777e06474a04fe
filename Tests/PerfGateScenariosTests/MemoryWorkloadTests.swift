import PerfGateAgents
import PerfGateHarness
import Testing

@testable import PerfGateScenarios

struct MemoryWorkloadTests {
    /// The cross-check: per-agent heap growth and per-agent resident growth of the
    /// production-sized agent agree within 5%, and both are near the agent's own count of its buffers.
    @Test func heapAndResidentBytesPerProductionAgentAgreeWithinFivePercent() throws {
        // Other suites allocate in this process at the same time, which disturbs a reading now and
        // then; a real disagreement persists, so up to 5 samples are taken until one is undisturbed.
        let workload = MemoryWorkload(agentCount: 3, model: .production, seed: 7, injection: .none)
        let expected = Double(AgentModelSize.production.estimatedModelBytes)
        var readings: [(heap: Double, resident: Double)] = []
        for _ in 0..<5 {
            let samples = try workload.runBlock(sampleCount: 1)
            let reading = (try #require(samples["bytes_per_agent"]?.first), try #require(samples["rss_bytes_per_agent"]?.first))
            readings.append(reading)
            if abs(reading.0 - reading.1) / max(reading.0, reading.1) < 0.05 { break }
        }
        let last = try #require(readings.last)
        #expect(abs(last.heap - last.resident) / max(last.heap, last.resident) < 0.05, "heap vs RSS per agent, every attempt: \(readings)")
        #expect(abs(last.heap - expected) / expected < 0.05, "heap \(last.heap) vs model \(expected)")
    }

    @Test func injectedMemoryShowsInBytesPerAgent() throws {
        // Production-sized agents, so other suites' allocations in this process are small beside
        // them; the median of 3 samples on each side.
        func medianBytes(_ injection: FaultInjection) throws -> Double {
            let samples = try MemoryWorkload(agentCount: 2, model: .production, seed: 1, injection: injection)
                .runBlock(sampleCount: 3)
            let values = try #require(samples["bytes_per_agent"]).sorted()
            return values[1]
        }
        let ratio = try medianBytes(FaultInjection(extraMemory: 0.2)) / medianBytes(.none)
        #expect(ratio > 1.15 && ratio < 1.25, "bytes per agent grew by \(ratio) with 20% injected")
    }

    @Test func theProductionAgentIsUnderTheMemoryBudget() {
        #expect(AgentModelSize.production.estimatedModelBytes < 36_175_872)
    }
}
