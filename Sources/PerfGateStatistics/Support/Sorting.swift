/// Sorting of Double samples through order-preserving integer keys.
///
/// A finite or infinite Double maps to a UInt64 key whose unsigned order is the Double order
/// (`key(a) < key(b)` ⇔ `a < b`), with −0.0 folded onto +0.0 so key equality is Double equality.
/// Large inputs are sorted by an LSD radix sort on the keys (six 11-bit passes, O(n)); medium
/// inputs (32 to 2,047 keys), when the caller lends scratch space, by one bucket pass linear in the
/// values followed by insertion sort of each bucket; small inputs by an in-place introsort
/// (quicksort, median of three, insertion sort below 16 elements, the standard library's sort
/// past a depth of 2·log₂ n), which allocates nothing and is about twice as fast as the standard
/// library's stable sort at 100 elements (the bucket pass about three times as fast again).
/// NaN has no place in the order: callers reject it first.
enum Sorting {
    /// Below this count the comparison sort beats the radix sort's fixed cost (measured crossover
    /// about 2,000 keys).
    static let radixThreshold = 2_048

    /// The order-preserving key of `value` (−0.0 and +0.0 share a key).
    @inline(__always) static func key(_ value: Double) -> UInt64 {
        let bits = (value + 0.0).bitPattern  // −0.0 + 0.0 == +0.0 in round-to-nearest
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The Double whose key is `key` (the inverse of `key(_:)` on +0.0 and non-zero values).
    @inline(__always) static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }

    /// A sorted copy of `values`.
    /// - Precondition: no NaN (checked).
    /// - Complexity: O(n) time expected (see `sortKeys(_:scratch:)`); one allocation of 2n keys
    ///   (plus the radix sort's for n ≥ 2,048) and the result.
    static func sorted(_ values: [Double]) -> [Double] {
        let n = values.count
        // Keys and the bucket sort's scratch in one allocation.
        let buffer = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 2 * n)
        defer { buffer.deallocate() }
        let keys = UnsafeMutableBufferPointer(rebasing: buffer[0..<n])
        fillKeys(keys, from: values)
        sortKeys(keys, scratch: buffer.baseAddress.map { $0 + n })
        return [Double](unsafeUninitializedCapacity: n) { sorted, initialized in
            for index in 0..<n { sorted[index] = value(keys[index]) }
            initialized = n
        }
    }

    /// Writes the key of each value of `values` into `keys` (same count).
    /// - Precondition: no NaN (checked).
    @inline(__always)
    static func fillKeys(_ keys: UnsafeMutableBufferPointer<UInt64>, from values: [Double]) {
        // One branch-free pass; the NaN check is folded into a flag tested once at the end.
        var sawNaN = false
        values.withUnsafeBufferPointer { values in
            for index in values.indices {
                let element = values[index]
                sawNaN = sawNaN || element.isNaN
                keys[index] = key(element)
            }
        }
        precondition(!sawNaN, "PerfGateStatistics: samples must not contain NaN")
    }

    /// Sorts keys in place ascending.
    /// - Complexity: O(n) with one scratch allocation of n keys for n ≥ `radixThreshold`,
    ///   otherwise O(n log n) in place.
    static func sortKeys(_ keys: UnsafeMutableBufferPointer<UInt64>) {
        if keys.count < radixThreshold {
            guard let base = keys.baseAddress, keys.count > 1 else { return }
            introSort(
                base,
                low: 0,
                high: keys.count - 1,
                depthLimit: 2 * (Int.bitWidth - keys.count.leadingZeroBitCount)
            )
            return
        }
        // Heap, not `withUnsafeTemporaryAllocation`: large dynamic stack allocations corrupted the
        // stack in optimized builds (Swift 6.3.1, Linux), and one allocation is cheap next to O(n) work.
        let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: keys.count)
        defer { scratch.deallocate() }
        radixSort(keys, scratch: scratch)
    }

    /// Sorts keys in place ascending, using `scratch` (at least `keys.count` keys) when given.
    /// - Complexity: O(n) expected with scratch for 32 ≤ n < `radixThreshold` (one bucket pass),
    ///   O(n) with one scratch allocation of n keys for n ≥ `radixThreshold`, otherwise
    ///   O(n log n) in place; O(n log n) worst case throughout.
    static func sortKeys(_ keys: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutablePointer<UInt64>?) {
        if let scratch, keys.count >= bucketThreshold && keys.count < radixThreshold {
            bucketSort(keys, scratch: scratch)
        } else {
            sortKeys(keys)
        }
    }

    /// From this count on, `sortKeys(_:scratch:)` uses `bucketSort` when given scratch space.
    static let bucketThreshold = 32

    /// Buckets of `bucketSort` (256 UInt32 counters: 1 KB, which the standard library keeps on the stack).
    private static let buckets = 256

    /// One pass of bucketing by value (linear in the Doubles, so mixed signs and magnitudes spread
    /// well), then each bucket sorted by insertion (at most 16 keys) or `introSort`: about three
    /// times as fast as `introSort` at 100 to 1,000 uniform keys, never worse than O(n log n) on
    /// skewed ones; `introSort` alone when the span of values is not finite.
    /// - Precondition: `scratch` holds at least `keys.count` keys; keys.count < 2³².
    static func bucketSort(_ keys: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutablePointer<UInt64>) {
        guard let base = keys.baseAddress, keys.count > 1 else { return }
        var lowest = base[0]
        var highest = base[0]
        for key in keys {
            lowest = min(lowest, key)
            highest = max(highest, key)
        }
        guard lowest < highest else { return }
        // About one bucket per key, 2⁵ to 2⁸ of them.
        let used = 1 << min(8, max(5, Int.bitWidth - keys.count.leadingZeroBitCount))
        let lowValue = value(lowest)
        let scale = Double(used) / (value(highest) - lowValue)
        guard scale.isFinite && scale > 0 else {
            introSort(base, low: 0, high: keys.count - 1, depthLimit: 2 * (Int.bitWidth - keys.count.leadingZeroBitCount))
            return
        }
        // Monotone in the value (subtraction, scaling and truncation all are), so buckets are ordered.
        let bucketOf = { (key: UInt64) in min(used - 1, Int((value(key) - lowValue) * scale)) }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: buckets) { counts in
            counts.initialize(repeating: 0)  // all 256, so the buffer is fully initialized
            for key in keys { counts[bucketOf(key)] &+= 1 }
            var offset: UInt32 = 0
            for bucket in 0..<used {
                let count = counts[bucket]
                counts[bucket] = offset
                offset &+= count
            }
            for key in keys {
                let bucket = bucketOf(key)
                scratch[Int(counts[bucket])] = key
                counts[bucket] &+= 1
            }
            // counts[b] is now the end of bucket b.
            var start = 0
            for bucket in 0..<used {
                let end = Int(counts[bucket])
                if end - start <= 16 {
                    insertionSort(scratch, low: start, high: end - 1)
                } else {
                    introSort(scratch, low: start, high: end - 1, depthLimit: 2 * (Int.bitWidth - (end - start).leadingZeroBitCount))
                }
                start = end
            }
        }
        base.update(from: scratch, count: keys.count)
    }

    /// LSD radix sort of `keys` with 11-bit digits; `scratch` has at least `keys.count` elements.
    ///
    /// All six digit histograms are counted in one pass; a pass whose digit is the same for every
    /// key is skipped (common for the high bits of samples of one magnitude).
    static func radixSort(_ keys: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>) {
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: radix * passes)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0)
        for key in keys {
            for pass in 0..<passes {
                counts[pass * radix + digit(of: key, pass: pass)] += 1
            }
        }
        var source = keys
        var target = UnsafeMutableBufferPointer(rebasing: scratch[0..<keys.count])
        for pass in 0..<passes {
            let histogram = UnsafeMutableBufferPointer(rebasing: counts[(pass * radix)..<((pass + 1) * radix)])
            // Every key has the first key's digit: nothing to move in this pass.
            if histogram[digit(of: keys[0], pass: pass)] == keys.count { continue }
            var offset = 0
            for digit in 0..<radix {
                let count = histogram[digit]
                histogram[digit] = offset
                offset += count
            }
            for key in source {
                let digit = digit(of: key, pass: pass)
                target[histogram[digit]] = key
                histogram[digit] += 1
            }
            swap(&source, &target)
        }
        if source.baseAddress != keys.baseAddress {
            _ = keys.update(fromContentsOf: source)
        }
    }

    /// Bits per radix digit.
    private static let digitBits = 11
    /// Buckets per pass.
    private static let radix = 1 << digitBits
    /// Passes to cover 64 bits.
    private static let passes = 6

    /// The digit of `key` for `pass` (0 the least significant).
    @inline(__always)
    private static func digit(of key: UInt64, pass: Int) -> Int {
        Int(truncatingIfNeeded: (key >> UInt64(pass * digitBits)) & UInt64(radix - 1))
    }

    /// Sorts `keys[low...high]` in place: quicksort with a median-of-three pivot, recursing into the
    /// smaller part; insertion sort for short ranges; the standard library's sort when the depth
    /// limit is spent (adversarial input), so the worst case stays O(n log n).
    private static func introSort(_ keys: UnsafeMutablePointer<UInt64>, low: Int, high: Int, depthLimit: Int) {
        var low = low
        var high = high
        var depthLimit = depthLimit
        while high - low > 16 {
            if depthLimit == 0 {
                var range = UnsafeMutableBufferPointer(start: keys + low, count: high - low + 1)
                range.sort()
                return
            }
            depthLimit -= 1
            let (i, j) = partition(keys, low: low, high: high)
            if j - low < high - i {
                introSort(keys, low: low, high: j, depthLimit: depthLimit)
                low = i
            } else {
                introSort(keys, low: i, high: high, depthLimit: depthLimit)
                high = j
            }
        }
        insertionSort(keys, low: low, high: high)
    }

    /// Rearranges `keys` so that `keys[index]` holds the key a full sort would put there, with no
    /// greater key before it and no smaller one after it (introselect, like `numpy.partition`).
    /// - Complexity: O(n) expected, allocates nothing; a depth limit hands adversarial ranges to
    ///   the standard library's sort, so the worst case is O(n log n).
    static func select(_ keys: UnsafeMutableBufferPointer<UInt64>, index: Int) {
        precondition(index >= 0 && index < keys.count, "rank \(index) is outside 0..<\(keys.count)")
        guard let base = keys.baseAddress else { return }
        var low = 0
        var high = keys.count - 1
        var depthLimit = 2 * (Int.bitWidth - keys.count.leadingZeroBitCount)
        while high - low > 16 {
            if depthLimit == 0 {
                var range = UnsafeMutableBufferPointer(start: base + low, count: high - low + 1)
                range.sort()
                return
            }
            depthLimit -= 1
            let (i, j) = partition(base, low: low, high: high)
            if index <= j {
                high = j
            } else if index >= i {
                low = i
            } else {
                return  // keys[j + 1 ..< i] all equal the pivot
            }
        }
        insertionSort(base, low: low, high: high)
    }

    /// Hoare partition of `keys[low...high]` (more than 2 keys) around a median-of-three pivot:
    /// afterwards keys[low...j] ≤ pivot, keys[i...high] ≥ pivot, and keys strictly between j and i
    /// equal the pivot.
    @inline(__always)
    private static func partition(_ keys: UnsafeMutablePointer<UInt64>, low: Int, high: Int) -> (i: Int, j: Int) {
        let middle = low + (high - low) / 2
        if keys[middle] < keys[low] { swapKeys(keys, middle, low) }
        if keys[high] < keys[low] { swapKeys(keys, high, low) }
        if keys[high] < keys[middle] { swapKeys(keys, high, middle) }
        let pivot = keys[middle]
        var i = low
        var j = high
        while i <= j {
            while keys[i] < pivot { i += 1 }
            while keys[j] > pivot { j -= 1 }
            if i <= j {
                swapKeys(keys, i, j)
                i += 1
                j -= 1
            }
        }
        return (i, j)
    }

    /// Exchanges two keys.
    @inline(__always)
    private static func swapKeys(_ keys: UnsafeMutablePointer<UInt64>, _ i: Int, _ j: Int) {
        let key = keys[i]
        keys[i] = keys[j]
        keys[j] = key
    }

    /// Sorts the short range `keys[low...high]` by straight insertion.
    @inline(__always)
    private static func insertionSort(_ keys: UnsafeMutablePointer<UInt64>, low: Int, high: Int) {
        guard low < high else { return }
        for i in (low + 1)...high {
            let key = keys[i]
            var j = i - 1
            while j >= low && keys[j] > key {
                keys[j + 1] = keys[j]
                j -= 1
            }
            keys[j + 1] = key
        }
    }
}
