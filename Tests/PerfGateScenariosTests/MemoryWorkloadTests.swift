import PerfGateAgents
import PerfGateHarness
import Testing

@testable import PerfGateScenarios

struct MemoryWorkloadTests {
    /// The cross-check: per-agent heap growth and per-agent resident growth of the
    /// production-sized agent agree within 5%, and both are near the agent's own count of its buffers.
    @Test func heapAndResidentBytesPerProductionAgentAgreeWithinFivePercent() throws {
        let workload = MemoryWorkload(agentCount: 3, model: .production, seed: 7, injection: .none)
        let samples = try workload.runBlock(sampleCount: 2)
        let heap = try #require(samples["bytes_per_agent"])
        let resident = try #require(samples["rss_bytes_per_agent"])
        let expected = Double(AgentModelSize.production.estimatedModelBytes)
        for (heapBytes, residentBytes) in zip(heap, resident) {
            #expect(abs(heapBytes - residentBytes) / max(heapBytes, residentBytes) < 0.05, "heap \(heapBytes), rss \(residentBytes)")
            #expect(abs(heapBytes - expected) / expected < 0.05, "heap \(heapBytes) vs model \(expected)")
        }
    }

    @Test func injectedMemoryShowsInBytesPerAgent() throws {
        let plain = try MemoryWorkload(agentCount: 1, model: .light, seed: 1, injection: .none).runBlock(sampleCount: 1)
        let heavier = try MemoryWorkload(agentCount: 1, model: .light, seed: 1, injection: FaultInjection(extraMemory: 0.5))
            .runBlock(sampleCount: 1)
        let before = try #require(plain["bytes_per_agent"]?.first)
        let after = try #require(heavier["bytes_per_agent"]?.first)
        #expect(after > before * 1.3)
    }

    @Test func theProductionAgentIsUnderTheMemoryBudget() {
        #expect(AgentModelSize.production.estimatedModelBytes < 36_175_872)
    }
}
