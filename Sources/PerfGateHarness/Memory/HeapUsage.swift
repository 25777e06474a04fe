import CPerfGateMallocInfo

/// Heap statistics of the C allocator (glibc malloc), which every Swift allocation goes through.
///
/// Backed by glibc `mallinfo2()` (glibc 2.33 and later; 0 elsewhere). `mallinfo2` takes every
/// arena's lock and walks the free lists, so its cost grows with the number of free chunks:
/// measured 0.2–0.5 µs on a small heap, 9 ms with 100k free chunks, 50–70 ms with 500k (about
/// 0.1 µs per free chunk). Call it around a measurement, never inside a timed region.
public enum HeapUsage {
    /// Bytes of heap memory in use: mallinfo2 `uordblks` (chunks handed out from the arenas)
    /// plus `hblkhd` (large blocks, which glibc serves with mmap).
    ///
    /// Includes the allocator's chunk headers and rounding (8–16 bytes per block), not free
    /// memory the allocator keeps. 0 when mallinfo2 is unavailable.
    /// - Complexity: O(free chunks in all arenas).
    public static func bytesInUse() -> Int {
        Int(perfgate_heap_bytes_in_use())
    }

    /// Bytes the allocator holds in free chunks (mallinfo2 `fordblks`); 0 when unavailable.
    /// - Complexity: O(free chunks in all arenas).
    public static func bytesFree() -> Int {
        Int(perfgate_heap_bytes_free())
    }

    /// Asks glibc to return free heap memory to the kernel (`malloc_trim(0)`), which makes a
    /// following RSS reading closer to what is in use.
    ///
    /// - Returns: Whether any memory was released.
    /// - Complexity: O(heap size); can take milliseconds. Never call inside a timed region.
    @discardableResult
    public static func trim() -> Bool {
        perfgate_malloc_trim(0) == 1
    }

    /// Makes every allocation of at least `bytes` a separate mmap, and turns off glibc's dynamic
    /// mmap threshold.
    ///
    /// By default glibc raises the threshold after a large block is freed, so the next large
    /// blocks come from the heap, whose pages are already resident: a second measurement of the
    /// same objects would see no growth of the resident set. With a fixed threshold, large blocks
    /// are mapped on allocation and unmapped on free, so resident-set deltas measure them every
    /// time. Call once per process, before measuring. Returns whether the setting took effect.
    @discardableResult
    public static func fixMmapThreshold(bytes: Int = 128 << 10) -> Bool {
        perfgate_fix_mmap_threshold(bytes) == 1
    }
}
