/// The divergence statistic Q̂ of e-divisive means (α = 1) for every split of a segment, in
/// O(*n* log *n*) per segment.
///
/// For a segment Z split into X = Z[s..<τ] (n values) and Y = Z[τ..<e] (m values), Matteson & James
/// (2014, "A nonparametric approach for multiple change point analysis of multivariate data", JASA 109)
/// define Q̂ = (m·n / (m + n)) · Ê with Ê = 2/(mn) Σ|x − y| − 2/(n(n−1)) Σ_{i<k}|xᵢ − xₖ| −
/// 2/(m(m−1)) Σ_{j<k}|yⱼ − yₖ|. This equals the `QQ` function of Apache Otava's `PairDistanceCalculator`
/// with power 1. ``bestSplitAllEnds(values:range:minimumLength:)`` also maximises over the end κ of Y,
/// as Otava does, in O(n²); ``bestSplit(values:ranks:range:minimumLength:)`` fixes κ at the segment's
/// end (as MongoDB's signal-processing implementation does), which makes it O(n log n).
///
/// Sums of pairwise distances come from two Fenwick trees over the values' ranks: adding x to a set
/// adds x·(count below) − (sum below) + (sum above) − x·(count above) to its within-set sum.
struct EnergyStatistic {
    /// The best split of one segment: τ and its Q̂.
    struct Split {
        var index: Int
        var energy: Double
    }

    private var counts: [Double]
    private var sums: [Double]
    private var prefix: [Double]
    private var suffix: [Double]

    /// Creates scratch space for series of up to `capacity` values.
    init(capacity: Int) {
        counts = Array(repeating: 0, count: capacity + 1)
        sums = Array(repeating: 0, count: capacity + 1)
        prefix = Array(repeating: 0, count: capacity + 1)
        suffix = Array(repeating: 0, count: capacity + 1)
    }

    /// The split of `values[range]` with the largest Q̂, with at least `minimumLength` values on each
    /// side; nil when the segment is shorter than 2 × `minimumLength`.
    ///
    /// - Parameters:
    ///   - values: The series (possibly permuted).
    ///   - ranks: For each position, the rank of its value among all values of the series (distinct,
    ///     0-based; ties broken arbitrarily, which does not change any distance sum).
    /// - Complexity: O(n log N) for a segment of n values in a series of N.
    mutating func bestSplit(values: [Double], ranks: [Int], range: Range<Int>, minimumLength: Int) -> Split? {
        let start = range.lowerBound
        let end = range.upperBound
        guard end - start >= 2 * minimumLength else { return nil }
        // prefix[k - start]: within-set distance sum of values[start..<k]; suffix likewise of values[k..<end].
        // Move the buffers out while the trees (also in self) are updated, to keep accesses exclusive.
        var prefix: [Double] = []
        var suffix: [Double] = []
        swap(&prefix, &self.prefix)
        swap(&suffix, &self.suffix)
        defer {
            swap(&prefix, &self.prefix)
            swap(&suffix, &self.suffix)
        }
        accumulate(values: values, ranks: ranks, positions: start..<end, into: &prefix, reversed: false)
        accumulate(values: values, ranks: ranks, positions: start..<end, into: &suffix, reversed: true)
        let total = prefix[end - start]
        var best: Split? = nil
        for tau in (start + minimumLength)...(end - minimumLength) {
            let n = Double(tau - start)
            let m = Double(end - tau)
            let withinX = prefix[tau - start]
            let withinY = suffix[tau - start]
            let cross = total - withinX - withinY
            var q = 2 / (n + m) * cross
            if n > 1 { q -= 2 * m / ((n + m) * (n - 1)) * withinX }
            if m > 1 { q -= 2 * n / ((n + m) * (m - 1)) * withinY }
            if best == nil || q > best!.energy { best = Split(index: tau, energy: q) }
        }
        return best
    }

    /// The split of `values[range]` with the largest Q̂ when Y may end anywhere after τ (Y = values[τ..<κ],
    /// κ ≤ end), as Matteson & James and Otava's `PairDistanceCalculator` define it; at least
    /// `minimumLength` values in X and in Y. Nil when the segment is shorter than 2 × `minimumLength`.
    ///
    /// Within-set sums W(a, b) of every sub-range come from W(a, b) = W(a, b − 1) + Σ_{a≤j<b−1} |z_{b−1} − z_j|,
    /// the inner sum built from the right: D(a, k) = D(a + 1, k) + |z_k − z_a|.
    /// - Complexity: O(n²) time and memory for a segment of n values.
    mutating func bestSplitAllEnds(values: [Double], range: Range<Int>, minimumLength: Int) -> Split? {
        let start = range.lowerBound
        let n = range.count
        guard n >= 2 * minimumLength else { return nil }
        // within[a * (n + 1) + b]: the within-set distance sum of values[start + a ..< start + b], a ≤ b.
        var within = [Double](repeating: 0, count: (n + 1) * (n + 1))
        var row = [Double](repeating: 0, count: n)
        for b in 1...n {
            // row[a] = Σ_{a ≤ j < b − 1} |z_{b−1} − z_j| for a = b − 1 down to 0.
            let last = values[start + b - 1]
            row[b - 1] = 0
            var a = b - 2
            while a >= 0 {
                row[a] = row[a + 1] + Swift.abs(last - values[start + a])
                a -= 1
            }
            for a in 0..<b { within[a * (n + 1) + b] = within[a * (n + 1) + b - 1] + row[a] }
        }
        var best: Split? = nil
        for tau in minimumLength...(n - minimumLength) {
            let nx = Double(tau)
            let withinX = within[tau]
            for kappa in (tau + minimumLength)...n {
                let my = Double(kappa - tau)
                let withinY = within[tau * (n + 1) + kappa]
                let cross = within[kappa] - withinX - withinY
                var q = 2 / (nx + my) * cross
                if nx > 1 { q -= 2 * my / ((nx + my) * (nx - 1)) * withinX }
                if my > 1 { q -= 2 * nx / ((nx + my) * (my - 1)) * withinY }
                if best == nil || q > best!.energy { best = Split(index: start + tau, energy: q) }
            }
        }
        return best
    }

    /// Fills `output[k]` (k = 0…count) with the within-set sum of the first (or, reversed, the last)
    /// k values of `positions`, then clears the trees.
    private mutating func accumulate(
        values: [Double], ranks: [Int], positions: Range<Int>, into output: inout [Double], reversed: Bool
    ) {
        let count = positions.count
        var totalCount = 0.0
        var totalSum = 0.0
        var within = 0.0
        if reversed { output[count] = 0 } else { output[0] = 0 }
        for step in 0..<count {
            let position = reversed ? positions.upperBound - 1 - step : positions.lowerBound + step
            let value = values[position]
            let rank = ranks[position]
            let (countBelow, sumBelow) = query(below: rank)
            within += value * countBelow - sumBelow + (totalSum - sumBelow) - value * (totalCount - countBelow)
            add(rank: rank, count: 1, value: value)
            totalCount += 1
            totalSum += value
            if reversed { output[count - 1 - step] = within } else { output[step + 1] = within }
        }
        for position in positions { add(rank: ranks[position], count: -1, value: -values[position]) }
    }

    /// Count and sum of the values added so far whose rank is below `rank`.
    private func query(below rank: Int) -> (Double, Double) {
        var index = rank
        var count = 0.0
        var sum = 0.0
        while index > 0 {
            count += counts[index]
            sum += sums[index]
            index &= index - 1
        }
        return (count, sum)
    }

    private mutating func add(rank: Int, count: Double, value: Double) {
        var index = rank + 1
        while index < counts.count {
            counts[index] += count
            sums[index] += value
            index += index & -index
        }
    }
}
