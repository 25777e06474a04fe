/// The n·m differences cᵢ − bⱼ of two sorted samples, kept implicit: order statistics are found by
/// narrowing a value bracket with counting passes, never by listing all the differences.
///
/// Count: with both samples ascending, cᵢ − bⱼ falls as j grows and rises as i grows (also after
/// rounding, since IEEE subtraction is monotone in each operand), so #{(i, j) : cᵢ − bⱼ ≤ t} is one
/// two-pointer walk, O(n + m). Selection of the k-th smallest (`DifferenceBracket`): a bracket
/// (low, high] with count(low) < k ≤ count(high) is started from a small sorted grid of differences
/// (`DifferenceGuide`), narrowed by interpolated probes (with a bisection on the order-preserving
/// 64-bit keys of Doubles whenever a round fails to halve it), until it holds at most n + m
/// differences or no Double lies inside it; those differences are then collected in one pass
/// and the k-th is selected among them (`Sorting.select`). The result is bit-for-bit one of the
/// rounded differences `c[i] - b[j]`, the same numbers `numpy.subtract.outer` produces, so no
/// tolerance is lost. (A cousin of Johnson & Mizoguchi, "Selecting the Kth element in X + Y and
/// X1 + X2 + … + Xm", SIAM J. Comput. 7, 1978, and of Monahan's algorithm for the Hodges–Lehmann
/// estimator, ACM TOMS 10, 1984.)
struct PairwiseDifferences {
    /// The candidate sample, ascending, finite.
    let candidate: [Double]
    /// The baseline sample, ascending, finite.
    let baseline: [Double]

    /// n·m.
    var count: Int { candidate.count * baseline.count }

    /// The smallest difference, c₀ − b₍m−1₎.
    var smallest: Double { candidate[0] - baseline[baseline.count - 1] }

    /// The largest difference, c₍n−1₎ − b₀.
    var largest: Double { candidate[candidate.count - 1] - baseline[0] }

    /// The most differences a bracket may hold before they are collected: n + m.
    var collectLimit: Int { candidate.count + baseline.count }

    /// #{(i, j) : candidate[i] − baseline[j] ≤ t}.
    /// - Complexity: O(n + m).
    func countNotAbove(_ t: Double) -> Int {
        candidate.withUnsafeBufferPointer { c in
            baseline.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress else { return 0 }
                var j = 0
                var total = 0
                for value in c {
                    j = Self.firstNotAbove(t, value, base, b.count, from: j)
                    total &+= b.count &- j
                }
                return total
            }
        }
    }

    /// The counts of differences not above t and not above u, in one pass whose two walks
    /// overlap (about twice as fast as two passes).
    /// - Complexity: O(n + m).
    func countNotAbove(_ t: Double, _ u: Double) -> (Int, Int) {
        candidate.withUnsafeBufferPointer { c in
            baseline.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress else { return (0, 0) }
                var (jt, ju) = (0, 0)
                var (totalT, totalU) = (0, 0)
                for value in c {
                    jt = Self.firstNotAbove(t, value, base, b.count, from: jt)
                    ju = Self.firstNotAbove(u, value, base, b.count, from: ju)
                    totalT &+= b.count &- jt
                    totalU &+= b.count &- ju
                }
                return (totalT, totalU)
            }
        }
    }

    /// The first j ≥ `start` with value − b[j] ≤ t (m if none), for ascending b of count m.
    ///
    /// From one row to the next the walk usually advances by a few places; four comparisons
    /// without branches cover that, so the branch predictor is rarely wrong.
    @inline(__always)
    static func firstNotAbove(_ t: Double, _ value: Double, _ b: UnsafePointer<Double>, _ m: Int, from start: Int) -> Int {
        var j = start
        if j &+ 4 <= m {
            // value − b[j] falls as j grows, so the number above t is the offset of the first not above.
            let step =
                (value - b[j] > t ? 1 : 0) &+ (value - b[j &+ 1] > t ? 1 : 0) &+ (value - b[j &+ 2] > t ? 1 : 0)
                &+ (value - b[j &+ 3] > t ? 1 : 0)
            if step < 4 { return j &+ step }
            j &+= 4
        }
        while j < m && value - b[j] > t { j &+= 1 }
        return j
    }

    /// The keys (`Sorting.key`) of the `expected` differences d with low < d ≤ high, in no
    /// particular order.
    /// - Precondition: exactly `expected` differences lie in (low, high] (checked).
    /// - Complexity: O(n + m + expected).
    func keys(above low: Double, notAbove high: Double, expected: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: expected) { keys, initialized in
            initialized = collect(above: low, notAbove: high, into: keys)
        }
    }

    /// Writes the keys of the differences in (low, high] into `keys` and returns how many.
    private func collect(above low: Double, notAbove high: Double, into keys: UnsafeMutableBufferPointer<UInt64>) -> Int {
        candidate.withUnsafeBufferPointer { c in
            baseline.withUnsafeBufferPointer { b in
                // Row i holds the differences c[i] − b[j] for j in [first ≤ high, first ≤ low).
                var notAboveHigh = 0
                var notAboveLow = 0
                var written = 0
                guard let base = b.baseAddress else { return 0 }
                for value in c {
                    notAboveHigh = Self.firstNotAbove(high, value, base, b.count, from: notAboveHigh)
                    notAboveLow = Self.firstNotAbove(low, value, base, b.count, from: max(notAboveLow, notAboveHigh))
                    let rowCount = notAboveLow - notAboveHigh
                    precondition(written + rowCount <= keys.count, "more differences in the bracket than counted")
                    for j in notAboveHigh..<notAboveLow {
                        (keys.baseAddress! + written + j - notAboveHigh).initialize(to: Sorting.key(value - b[j]))
                    }
                    written += rowCount
                }
                precondition(written == keys.count, "fewer differences in the bracket than counted")
                return written
            }
        }
    }

    /// The smallest difference greater than t, or nil when there is none.
    /// - Complexity: O(n + m).
    func smallest(above t: Double) -> Double? {
        return candidate.withUnsafeBufferPointer { c in
            baseline.withUnsafeBufferPointer { b in
                var j = 0
                var best: Double?
                for value in c {
                    while j < b.count && value - b[j] > t { j += 1 }
                    // In row i, c[i] − b[j − 1] is the smallest difference above t.
                    if j > 0 {
                        let difference = value - b[j - 1]
                        if best.map({ difference < $0 }) ?? true { best = difference }
                    }
                }
                return best.map { $0 + 0.0 }
            }
        }
    }

    /// The largest difference not above t, or nil when there is none.
    /// - Complexity: O(n + m).
    func largest(notAbove t: Double) -> Double? {
        candidate.withUnsafeBufferPointer { c in
            baseline.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress else { return nil }
                var j = 0
                var best: Double?
                for value in c {
                    j = Self.firstNotAbove(t, value, base, b.count, from: j)
                    // In row i, c[i] − b[j] is the largest difference not above t.
                    if j < b.count {
                        let difference = value - b[j]
                        if best.map({ difference > $0 }) ?? true { best = difference }
                    }
                }
                return best
            }
        }
    }

    /// The keys of all n·m differences (for small matrices), in no particular order.
    /// - Complexity: O(n·m).
    func allKeys() -> [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(count)
        for value in candidate {
            for other in baseline { keys.append(Sorting.key(value - other)) }
        }
        return keys
    }

    /// The k-th smallest difference, k in 1…n·m.
    /// - Complexity: see `kthSmallestAndNext`.
    func kthSmallest(_ k: Int) -> Double {
        kthSmallestAndNext(k, guide: DifferenceGuide(self)).kth
    }

    /// The median of the differences: the middle one, or the mean of the two middle ones
    /// (`numpy.median` of `numpy.subtract.outer(candidate, baseline)`).
    func median(guide: DifferenceGuide? = nil) -> Double {
        let n = count
        let guide = guide ?? DifferenceGuide(self)
        if n % 2 == 1 { return kthSmallestAndNext((n + 1) / 2, guide: guide).kth }
        let (lower, upper) = kthSmallestAndNext(n / 2, guide: guide)
        return (lower + upper) / 2
    }
}
