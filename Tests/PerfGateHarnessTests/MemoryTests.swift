import Foundation
import Glibc
import PerfGateHarness
import Testing

/// Holds `bytes` of heap memory and touches every page of it, so both the allocator and the
/// kernel see it.
private final class TouchedBlock {
    let pointer: UnsafeMutableRawPointer
    init(bytes: Int) {
        pointer = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 16)
        memset(pointer, 0x5A, bytes)
    }
    deinit { pointer.deallocate() }
}

@Suite(.serialized)
struct MemoryTests {
    @Test func heapUsageGrowsWhileALargeBlockIsAlive() {
        let blockBytes = 64 << 20
        let before = HeapUsage.bytesInUse()
        let block = UnsafeMutableRawPointer.allocate(byteCount: blockBytes, alignment: 16)
        let during = HeapUsage.bytesInUse()
        block.deallocate()
        // Other suites run in parallel and may free a few MiB meanwhile: allow 4 MiB of noise.
        #expect(during - before >= blockBytes - (4 << 20))
    }

    @Test func residentSizeAndPeakAreReadableAndConsistent() throws {
        let resident = try #require(ProcessMemory.residentBytes())
        let peak = try #require(ProcessMemory.peakResidentBytes())
        #expect(resident > 0)
        // Linux keeps RSS counters per thread and folds them in lazily (up to 64 pages per thread), and
        // other suites allocate and free in parallel between the two reads: the peak may read a few
        // hundred KiB under the resident size read just before (seen: 188 KiB). Allow 4 MiB.
        #expect(peak >= resident - (4 << 20))
        #expect(ProcessMemory.pageSize >= 4096)
    }

    @Test(.enabled(if: AllocationCounter.isEnabled, "allocation counting is off in sanitizer builds"))
    func allocatingArraysIncreasesTheAllocationCountByAtLeastTheirNumber() {
        let arrayCount = 1_000
        let before = AllocationCounter.snapshot()
        var arrays: [[Int]] = []
        arrays.reserveCapacity(arrayCount)
        for index in 0..<arrayCount {
            arrays.append([Int](repeating: index, count: 16))
        }
        let after = AllocationCounter.snapshot()
        withExtendedLifetime(arrays) {}
        let delta = after - before
        #expect(delta.allocations >= UInt64(arrayCount))
        #expect(delta.bytesAllocated >= UInt64(arrayCount * 16 * MemoryLayout<Int>.stride))
    }

    @Test(.enabled(if: AllocationCounter.isEnabled, "allocation counting is off in sanitizer builds"))
    func freeingCountsAFreeForEveryBlock() {
        let before = AllocationCounter.snapshot()
        for _ in 0..<100 {
            let pointer = malloc(64)
            free(pointer)
        }
        let delta = AllocationCounter.snapshot() - before
        #expect(delta.allocations >= 100)
        #expect(delta.frees >= 100)
    }

    @Test(.enabled(if: AllocationCounter.isEnabled, "allocation counting is off in sanitizer builds"))
    func allocationsOfThreadsThatExitedStayCounted() {
        // More threads than the counter has slots (512): exited threads must return their slots.
        let threadCount = 600
        let before = AllocationCounter.snapshot()
        for _ in 0..<threadCount {
            let finished = DispatchSemaphore(value: 0)
            let thread = Thread {
                for _ in 0..<10 { free(malloc(24)) }
                finished.signal()
            }
            thread.start()
            finished.wait()
        }
        let delta = AllocationCounter.snapshot() - before
        #expect(delta.allocations >= UInt64(threadCount * 10))
        #expect(delta.frees >= UInt64(threadCount * 10))
        // One thread at a time: slots were reused, not one taken per thread.
        #expect(AllocationCounter.slotsClaimed < 512)
    }

    @Test func heapAndResidentMeasuresAgreeWithinFivePercentOnTouchedMemory() async {
        // Heap and resident size are readings of the whole process, and `swift test` runs every
        // suite in one process at once: the measurement runs in a child process of its own (an
        // exit test), where nothing else allocates. 4 × 16 MiB keeps page rounding well under 5 %.
        await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            let blockBytes = 16 << 20
            let result = MemoryProbe.measure(count: 4) { _ in TouchedBlock(bytes: blockBytes) }
            let heapError = abs(result.heapBytesPerObject - Double(blockBytes)) / Double(blockBytes)
            guard let disagreement = result.relativeDisagreement, disagreement < 0.05, heapError < 0.05 else {
                let message = "heap \(result.heapBytesPerObject) vs RSS \(result.residentBytesPerObject ?? 0) per object\n"
                FileHandle.standardError.write(Data(message.utf8))
                exit(1)
            }
        }
    }
}
