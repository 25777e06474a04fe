/// The memory cost of creating objects, measured two independent ways.
///
/// `heapBytesPerObject` comes from the allocator's own books (mallinfo2); `residentBytesPerObject`
/// from the kernel's resident set size. The heap figure counts bytes allocated whether touched
/// or not; the resident figure counts touched pages, heap or not (thread stacks, mmapped buffers).
/// When both agree, the figure is trustworthy; a large disagreement points to untouched
/// allocations (heap > RSS) or memory outside malloc (RSS > heap).
public struct MemoryProbeResult: Sendable, Hashable {
    /// Objects created and kept alive between the two readings.
    public var count: Int
    /// ``HeapUsage/bytesInUse()`` before creating the objects (after a trim).
    public var heapBytesBefore: Int
    /// ``HeapUsage/bytesInUse()`` with all objects alive.
    public var heapBytesAfter: Int
    /// ``ProcessMemory/residentBytes()`` before creating the objects, nil when unavailable.
    public var residentBytesBefore: Int?
    /// ``ProcessMemory/residentBytes()`` with all objects alive, nil when unavailable.
    public var residentBytesAfter: Int?
    /// Allocation counts accumulated while creating the objects (zero in sanitizer builds).
    public var allocations: AllocationCounts

    /// Creates a result from raw readings.
    public init(
        count: Int,
        heapBytesBefore: Int,
        heapBytesAfter: Int,
        residentBytesBefore: Int?,
        residentBytesAfter: Int?,
        allocations: AllocationCounts
    ) {
        self.count = count
        self.heapBytesBefore = heapBytesBefore
        self.heapBytesAfter = heapBytesAfter
        self.residentBytesBefore = residentBytesBefore
        self.residentBytesAfter = residentBytesAfter
        self.allocations = allocations
    }

    /// Heap growth per object, bytes: (after − before) / count. Can be negative when other
    /// threads freed memory meanwhile.
    public var heapBytesPerObject: Double {
        Double(heapBytesAfter - heapBytesBefore) / Double(count)
    }

    /// Resident set growth per object, bytes; nil when RSS is unavailable.
    ///
    /// Page-granular (4 KiB) and affected by other threads: meaningful only when the total
    /// growth is many pages (a few MiB or more).
    public var residentBytesPerObject: Double? {
        guard let residentBytesBefore, let residentBytesAfter else { return nil }
        return Double(residentBytesAfter - residentBytesBefore) / Double(count)
    }

    /// Allocations per object while creating them.
    public var allocationsPerObject: Double {
        Double(allocations.allocations) / Double(count)
    }

    /// |heap − resident| / max(|heap|, |resident|) of the per-object figures: 0 when they agree
    /// exactly; nil when RSS is unavailable or both are 0.
    public var relativeDisagreement: Double? {
        guard let resident = residentBytesPerObject else { return nil }
        let scale = max(abs(heapBytesPerObject), abs(resident))
        guard scale > 0 else { return nil }
        return abs(heapBytesPerObject - resident) / scale
    }
}

/// Measures the memory cost of objects by creating many and keeping them alive.
public enum MemoryProbe {
    /// Creates `count` objects with `make(0)…make(count − 1)`, keeps them all alive, and records
    /// heap-in-use, resident set size and allocation counts before and after.
    ///
    /// Before the first reading the heap is trimmed (`malloc_trim`), so freed memory that is still
    /// resident does not hide growth, and the array that keeps the objects is already allocated,
    /// so it is not counted. The objects are released after the second reading. Run it on a
    /// quiet process: allocations by other threads in between are counted too.
    ///
    /// - Parameters:
    ///   - count: Number of objects; at least 1. Larger counts average out allocator rounding.
    ///   - make: Creates object `index`; what it allocates and touches is what gets measured.
    /// - Returns: The readings; see ``MemoryProbeResult`` for the per-object figures.
    /// - Throws: Whatever `make` throws (objects made so far are released).
    /// - Complexity: `count` calls of `make`, plus two mallinfo2 calls and one malloc_trim.
    public static func measure<Object>(
        count: Int,
        make: (_ index: Int) throws -> Object
    ) rethrows -> MemoryProbeResult {
        precondition(count >= 1, "count must be at least 1")
        var objects: [Object] = []
        objects.reserveCapacity(count)
        HeapUsage.trim()
        let residentBefore = ProcessMemory.residentBytes()
        let heapBefore = HeapUsage.bytesInUse()
        let allocationsBefore = AllocationCounter.snapshot()
        for index in 0..<count {
            objects.append(try make(index))
        }
        let allocationsAfter = AllocationCounter.snapshot()
        let heapAfter = HeapUsage.bytesInUse()
        let residentAfter = ProcessMemory.residentBytes()
        withExtendedLifetime(objects) {}
        return MemoryProbeResult(
            count: count,
            heapBytesBefore: heapBefore,
            heapBytesAfter: heapAfter,
            residentBytesBefore: residentBefore,
            residentBytesAfter: residentAfter,
            allocations: allocationsAfter - allocationsBefore
        )
    }
}
