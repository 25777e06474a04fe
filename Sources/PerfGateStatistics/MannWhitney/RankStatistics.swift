/// What the Mann–Whitney test needs from the pooled ranking of two samples: U of the first sample
/// and the tie term Σ(t³ − t) over groups of equal values.
///
/// Computed by one merge walk over the two sorted samples instead of assigning average ranks:
/// a group of equal values holding a candidates and b baselines, above j baselines, adds
/// a·j + a·b/2 to U, which equals R₁ − n₁(n₁+1)/2 with average ranks (Mann & Whitney 1947).
/// A first, branch-free merge counts U while checking the pooled order for any two equal
/// neighbours; only when it finds one does the slower walk over groups of equal values run.
struct RankStatistics: Sendable, Hashable {
    /// U of the first sample: pairs with first > second, ties counting ½.
    var u: Double
    /// Σ (t³ − t) over the groups of t equal values in the pooled sample (0 without ties).
    var tieTerm: Double
    /// Whether any value occurs more than once in the pooled sample.
    var hasTies: Bool { tieTerm > 0 }

    /// The statistics of two samples given as ascending order-preserving keys (see `Sorting.key`).
    /// - Complexity: O(n₁ + n₂), no allocation.
    init(sortedFirst first: UnsafeBufferPointer<UInt64>, sortedSecond second: UnsafeBufferPointer<UInt64>) {
        if let u = Self.uWithoutTies(sortedFirst: first, sortedSecond: second) {
            self.init(u: u, tieTerm: 0)
        } else {
            self.init(tiedFirst: first, tiedSecond: second)
        }
    }

    /// U by a branch-free merge, or nil when the pooled sample has two equal values.
    ///
    /// Key 0 is the sentinel for "no previous value": it is the key of no Double but a NaN.
    private static func uWithoutTies(
        sortedFirst first: UnsafeBufferPointer<UInt64>,
        sortedSecond second: UnsafeBufferPointer<UInt64>
    ) -> Double? {
        var i = 0
        var j = 0
        var below = 0
        var previous: UInt64 = 0
        var equalNeighbours = false
        while i < first.count && j < second.count {
            let x = first[i]
            let y = second[j]
            let takeFirst = x <= y
            let value = takeFirst ? x : y
            equalNeighbours = equalNeighbours || value == previous
            previous = value
            below &+= takeFirst ? j : 0
            i &+= takeFirst ? 1 : 0
            j &+= takeFirst ? 0 : 1
        }
        // One side is used up; the other's rest lies above everything merged so far.
        below &+= (first.count - i) * second.count
        let rest =
            i < first.count ? UnsafeBufferPointer(rebasing: first[i...]) : UnsafeBufferPointer(rebasing: second[j...])
        for value in rest {
            equalNeighbours = equalNeighbours || value == previous
            previous = value
        }
        return equalNeighbours ? nil : Double(below)
    }

    /// The general walk over groups of equal values.
    private init(tiedFirst first: UnsafeBufferPointer<UInt64>, tiedSecond second: UnsafeBufferPointer<UInt64>) {
        var i = 0
        var j = 0
        var twiceU = 0
        var tieTerm = 0.0
        while i < first.count || j < second.count {
            let value: UInt64
            if i == first.count {
                value = second[j]
            } else if j == second.count {
                value = first[i]
            } else {
                value = min(first[i], second[j])
            }
            let firstStart = i
            while i < first.count && first[i] == value { i += 1 }
            let secondStart = j
            while j < second.count && second[j] == value { j += 1 }
            let a = i - firstStart
            let b = j - secondStart
            twiceU += a * (2 * secondStart + b)
            let t = Double(a + b)
            if a + b > 1 { tieTerm += t * t * t - t }
        }
        self.init(u: Double(twiceU) / 2, tieTerm: tieTerm)
    }

    /// Creates statistics from their parts.
    init(u: Double, tieTerm: Double) {
        self.u = u
        self.tieTerm = tieTerm
    }
}
