import Testing

@testable import PerfGateStatistics

struct SortingTests {
    @Test(arguments: [0, 1, 2, 17, 50, 2_047, 2_048, 5_000])
    func sortedAgreesWithTheStandardLibrary(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.greatestFiniteMagnitude]
        let values = (0..<count).map { index in
            index % 17 == 0 ? specials[index % specials.count] : (random.nextUnitDouble() - 0.5) * 1e6
        }
        #expect(Sorting.sorted(values) == values.sorted())
    }

    @Test func adversarialOrdersSortCorrectly() {
        let n = 300
        let patterns: [[Double]] = [
            (0..<n).map(Double.init),
            (0..<n).reversed().map(Double.init),
            [Double](repeating: 4, count: n),
            (0..<n).map { Double(min($0, n - $0)) },
            (0..<n).map { Double($0 % 3) },
        ]
        for values in patterns {
            #expect(Sorting.sorted(values) == values.sorted())
        }
    }

    @Test(arguments: [40, 300, 1_500])
    func bucketSortHandlesSkewedAndTiedSamples(count: Int) {
        var random = SplitMix64(seed: UInt64(count) + 1)
        let shapes: [[Double]] = [
            // Almost all in one bucket, one far outlier.
            (0..<count).map { $0 == 7 ? 1e12 : 1 + random.nextUnitDouble() * 1e-6 },
            // Heavy tail.
            (0..<count).map { _ in 1 / (random.nextUnitDouble() + 1e-9) },
            // Few distinct values, both signs.
            (0..<count).map { _ in (random.nextUnitDouble() * 5).rounded(.down) - 2 },
            // Both signs over many magnitudes, zeros of both signs.
            (0..<count).map { index in index % 9 == 0 ? -0.0 : (random.nextUnitDouble() - 0.5) * Double(1 << (index % 40)) },
            // Infinite span: the introsort fallback.
            (0..<count).map { index in index == 3 ? .infinity : index == 5 ? -.greatestFiniteMagnitude : random.nextUnitDouble() },
        ]
        for values in shapes {
            var keys = values.map(Sorting.key)
            let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
            defer { scratch.deallocate() }
            keys.withUnsafeMutableBufferPointer { Sorting.bucketSort($0, scratch: scratch) }
            #expect(keys == values.map(Sorting.key).sorted())
        }
    }

    @Test func keysPreserveOrderAndFoldNegativeZero() {
        let ordered: [Double] = [
            -.infinity, -1e300, -1, -.leastNonzeroMagnitude, 0, .leastNonzeroMagnitude, 2, .infinity,
        ]
        let keys = ordered.map(Sorting.key)
        #expect(keys == keys.sorted())
        #expect(Set(keys).count == keys.count)
        #expect(Sorting.key(-0.0) == Sorting.key(0))
        for value in ordered {
            #expect(Sorting.value(Sorting.key(value)) == value)
        }
    }
}
