import Foundation

/// The largest swarm the memory scenario may build: its agents' total heap must stay within half of
/// the machine's physical memory, so a ramp to thousands of agents never swaps or gets killed.
///
/// The total is estimated as agents × bytes per agent, from the largest heap per agent measured so far
/// or, before any, the production agent's 24.5 MiB.
struct MemoryCap: Sendable {
    /// Half the physical memory, in bytes.
    var limitBytes: Double
    /// Heap bytes per agent assumed for the next count.
    var bytesPerAgent: Double = 25_725_000

    /// Half of this machine's physical memory (`ProcessInfo.physicalMemory`).
    static var thisMachine: MemoryCap {
        MemoryCap(limitBytes: Double(ProcessInfo.processInfo.physicalMemory) / 2)
    }

    /// Whether `agents` production agents fit within the limit.
    func allows(_ agents: Int) -> Bool {
        Double(agents) * bytesPerAgent <= limitBytes
    }

    /// The largest count that fits (0 when not even one does).
    var largestCount: Int { Int((limitBytes / bytesPerAgent).rounded(.down)) }

    /// Raises the estimate to a measured heap per agent (never lowers it).
    mutating func observe(bytesPerAgent measured: Double?) {
        if let measured, measured > bytesPerAgent { bytesPerAgent = measured }
    }
}
