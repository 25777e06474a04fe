import PerfGateStatistics
import PerfGateAgents
import PerfGateHarness

/// Memory of production-sized agents: each sample creates `agentCount` agents, keeps them alive,
/// and measures the growth two ways.
///
/// - `bytes_per_agent`: heap bytes in use (mallinfo2 `uordblks + hblkhd`) with the agents alive,
///   minus before, divided by the count: the difference between N agents and none, over N.
/// - `rss_bytes_per_agent`: the same difference of the resident set size (`/proc/self/statm`).
/// - `peak_rss_bytes`: the worker process's peak resident set (`getrusage`) after the sample.
///
/// The two per-agent figures are a cross-check of each other: every agent's buffers are filled
/// with real values, so heap and resident growth agree within a few percent.
final class MemoryWorkload: Workload {
    private let agentCount: Int
    private let model: AgentModelSize
    private let seed: UInt64
    private let injection: FaultInjection

    init(agentCount: Int, model: AgentModelSize, seed: UInt64, injection: FaultInjection) {
        self.agentCount = agentCount
        self.model = model
        self.seed = seed
        self.injection = injection
    }

    /// Pins glibc's mmap threshold, so that agents' large buffers are mapped and unmapped every
    /// time and resident-set deltas see them in every sample, not only the first.
    func prepare() throws {
        HeapUsage.fixMmapThreshold()
    }

    func runBlock(sampleCount: Int) throws -> MetricSamples {
        var samples: MetricSamples = [:]
        for _ in 0..<sampleCount {
            let probe = MemoryProbe.measure(count: agentCount) { id in
                ActiveInferenceAgent(
                    id: id,
                    model: GenerativeModel(seededWith: SplitMix64.derivedSeed(runSeed: seed, stream: id, purpose: 1), size: model),
                    seed: SplitMix64.derivedSeed(runSeed: seed, stream: id, purpose: 2),
                    injection: injection
                )
            }
            samples["bytes_per_agent", default: []].append(probe.heapBytesPerObject)
            samples["rss_bytes_per_agent", default: []].append(probe.residentBytesPerObject ?? probe.heapBytesPerObject)
            samples["peak_rss_bytes", default: []].append(Double(ProcessMemory.peakResidentBytes() ?? 0))
        }
        return samples
    }
}
