import CPerfGateMallocCounter

/// Counts of heap allocations made by the whole process since it started.
///
/// Subtract two snapshots to count what happened between them: `after - before`.
public struct AllocationCounts: Sendable, Hashable {
    /// Calls that returned a new block: malloc, calloc, realloc, memalign, aligned_alloc, posix_memalign.
    public var allocations: UInt64
    /// Blocks released: free of a non-nil pointer; a realloc that moves or frees a block counts one.
    public var frees: UInt64
    /// Bytes requested by the counted allocations (before the allocator's rounding).
    public var bytesAllocated: UInt64

    /// Creates counts.
    public init(allocations: UInt64, frees: UInt64, bytesAllocated: UInt64) {
        self.allocations = allocations
        self.frees = frees
        self.bytesAllocated = bytesAllocated
    }

    /// The counts accumulated between `earlier` and `later` (wrapping, so never traps).
    public static func - (later: AllocationCounts, earlier: AllocationCounts) -> AllocationCounts {
        AllocationCounts(
            allocations: later.allocations &- earlier.allocations,
            frees: later.frees &- earlier.frees,
            bytesAllocated: later.bytesAllocated &- earlier.bytesAllocated
        )
    }
}

/// Process-wide allocation counters, maintained by malloc/free interposers (C target
/// CPerfGateMallocCounter) in any executable that links PerfGateHarness.
///
/// Counting costs about 1.7 ns per call on the 2-vCPU CI-like VM (per-thread counters, no atomic
/// read-modify-write; see the C header for the measurements).
/// In sanitizer builds (ASan, TSan, MSan) the interposers are left out: ``isEnabled`` is false
/// and every snapshot is zero.
public enum AllocationCounter {
    /// Whether allocations are being counted (false in sanitizer builds).
    public static var isEnabled: Bool {
        perfgate_malloc_counter_is_enabled() != 0
    }

    /// Per-thread counter slots taken so far (high-water mark, at most 512): stays near the peak
    /// number of live threads because exited threads return their slots. For tests.
    package static var slotsClaimed: Int {
        Int(perfgate_malloc_counter_slots_claimed())
    }

    /// The current totals, summed over all threads (exited ones included).
    ///
    /// Allocations made concurrently by other threads may or may not be included; the snapshot
    /// itself does not allocate.
    /// - Complexity: O(threads that ever ran, up to 512).
    public static func snapshot() -> AllocationCounts {
        let counts = perfgate_malloc_counter_snapshot()
        return AllocationCounts(
            allocations: counts.allocations,
            frees: counts.frees,
            bytesAllocated: counts.bytes_allocated
        )
    }
}
