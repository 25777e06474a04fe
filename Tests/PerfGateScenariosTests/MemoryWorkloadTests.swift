import Foundation
import PerfGateAgents
import PerfGateHarness
import Testing

@testable import PerfGateScenarios

/// Heap and resident size are readings of the whole process, and `swift test` runs every suite in
/// one process at once, so these measurements run in child processes of their own (exit tests),
/// where nothing else allocates, as `bench` runs them in worker processes.
struct MemoryWorkloadTests {
    /// The cross-check: per-agent heap growth and per-agent resident growth of the
    /// production-sized agent agree within 5%, and both are near the agent's own count of its buffers.
    @Test func heapAndResidentBytesPerProductionAgentAgreeWithinFivePercent() async {
        await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            let workload = MemoryWorkload(agentCount: 3, model: .production, seed: 7, injection: .none)
            try workload.prepare()
            let samples = try workload.runBlock(sampleCount: 2)
            let expected = Double(AgentModelSize.production.estimatedModelBytes)
            for (heap, resident) in zip(samples["bytes_per_agent"] ?? [], samples["rss_bytes_per_agent"] ?? []) {
                guard abs(heap - resident) / max(heap, resident) < 0.05, abs(heap - expected) / expected < 0.05 else {
                    FileHandle.standardError.write(Data("heap \(heap), rss \(resident), model \(expected)\n".utf8))
                    exit(1)
                }
            }
        }
    }

    @Test func injectedMemoryShowsInBytesPerAgent() async {
        await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            func bytesPerAgent(_ injection: FaultInjection) throws -> Double {
                let workload = MemoryWorkload(agentCount: 2, model: .production, seed: 1, injection: injection)
                try workload.prepare()
                return try workload.runBlock(sampleCount: 1)["bytes_per_agent"]?.first ?? 0
            }
            let ratio = try bytesPerAgent(FaultInjection(extraMemory: 0.2)) / bytesPerAgent(.none)
            guard ratio > 1.15 && ratio < 1.25 else {
                FileHandle.standardError.write(Data("bytes per agent grew by \(ratio) with 20% injected\n".utf8))
                exit(1)
            }
        }
    }

    @Test func theProductionAgentIsUnderTheMemoryBudget() {
        #expect(AgentModelSize.production.estimatedModelBytes < 36_175_872)
    }
}
