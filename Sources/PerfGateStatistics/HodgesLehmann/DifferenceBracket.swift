/// A key interval (low, high] that holds the k-th smallest pairwise difference:
/// count(value(low)) < k ≤ count(value(high)), with count as in `PairwiseDifferences.countNotAbove`.
///
/// Keys are `Sorting.key`s, so the Doubles strictly inside the interval are the keys strictly
/// between its ends.
struct DifferenceBracket {
    /// The lower end (exclusive) and the number of differences not above it (< k).
    var low: UInt64
    var lowCount: Int
    /// The upper end (inclusive) and the number of differences not above it (≥ k).
    var high: UInt64
    var highCount: Int
    /// The order statistic held, 1-based.
    let k: Int

    /// The differences inside the bracket.
    var held: Int { highCount - lowCount }

    /// Moves the end that `key`, with `count` differences not above it, replaces; keys outside
    /// (low, high) are ignored.
    mutating func apply(_ key: UInt64, count: Int) {
        guard key > low && key < high else { return }
        if count >= k {
            (high, highCount) = (key, count)
        } else {
            (low, lowCount) = (key, count)
        }
    }

    /// Counts at one or two keys (one pass) and moves the ends; keys outside (low, high) are skipped.
    mutating func probe(_ first: UInt64, _ second: UInt64?, _ differences: PairwiseDifferences) {
        let (low, high) = (self.low, self.high)
        let a = first > low && first < high ? first : nil
        let b = second.flatMap { $0 > low && $0 < high && $0 != first ? $0 : nil }
        if let a, let b {
            let (countA, countB) = differences.countNotAbove(Sorting.value(a), Sorting.value(b))
            // Lower key first, so the second can still move the upper end.
            apply(min(a, b), count: a < b ? countA : countB)
            apply(max(a, b), count: a < b ? countB : countA)
        } else if let key = a ?? b {
            apply(key, count: differences.countNotAbove(Sorting.value(key)))
        }
    }

    /// Two keys where linear interpolation of the count between the ends puts the ranks k ∓ margin,
    /// or nil when an end is not a finite value.
    func interpolated(margin: Int) -> (UInt64, UInt64)? {
        let lowValue = Sorting.value(low)
        let highValue = Sorting.value(high)
        let width = highValue - lowValue
        guard width.isFinite else { return nil }
        let scale = width / Double(held)
        let below = lowValue + scale * Double(max(k - margin - lowCount, 0))
        let above = lowValue + scale * Double(min(k + margin - lowCount, held))
        return (Sorting.key(below), Sorting.key(above))
    }

    /// The bracket for the k-th of `differences`, started from `guide`'s guesses (at most two passes).
    init(_ k: Int, _ differences: PairwiseDifferences, guide: DifferenceGuide) {
        self.k = k
        let total = differences.count
        // The largest difference bounds every rank for free; key 0 marks the lower end unknown.
        (low, lowCount, high, highCount) = (0, 0, Sorting.key(differences.largest), total)
        let guess = guide.bracket(k, of: total)
        if let guessLow = guess.low {
            probe(guessLow, guess.high, differences)
        } else if let guessHigh = guess.high {
            probe(guessHigh, nil, differences)
        }
        if low == 0 {
            // No lower end yet (key 0 is no Double's): the smallest difference is the bracket's
            // floor, or the answer.
            let smallest = Sorting.key(differences.smallest)
            let count = differences.countNotAbove(Sorting.value(smallest))
            if count >= k {
                (low, lowCount, high, highCount) = (smallest - 1, 0, smallest, count)
            } else {
                (low, lowCount) = (smallest, count)
            }
        }
    }

    /// Narrows the bracket until it holds at most `limit` differences or no key lies inside.
    ///
    /// Rounds of two interpolated probes; a round that does not halve the bracket is followed by
    /// one bisection step on the keys (after a round that changed no count, with a probe just
    /// below the upper end, for ties), so at most about 260 passes run on any input.
    mutating func narrow(to limit: Int, _ differences: PairwiseDifferences) {
        var interpolate = true
        var unchanged = false
        while held > limit && high - low > 1 {
            let before = held
            if interpolate, let (below, above) = interpolated(margin: limit / 16) {
                probe(below, above, differences)
                interpolate = held <= before / 2
                unchanged = held == before
            } else if unchanged {
                // Probes inside that change no count: one value repeats more than `limit` times
                // (ties). Move the upper end down onto the largest difference not above it (same
                // count), test whether that value is the k-th (then the key just below it ends the
                // search), and bisect.
                if let top = differences.largest(notAbove: Sorting.value(high)) {
                    high = Sorting.key(top)
                }
                probe(high - 1, low + (high - low) / 2, differences)
                (interpolate, unchanged) = (true, false)
            } else {
                probe(low + (high - low) / 2, nil, differences)
                interpolate = true
            }
        }
    }
}

extension PairwiseDifferences {
    /// The k-th smallest difference and the (k+1)-th (the k-th again when k = n·m); +0.0 for zero.
    /// - Complexity: O(n + m) per pass; typically three to six passes (measured on uniform,
    ///   heavy-tailed and tied samples), at most about 260 (62 rounds that halve the count, 64
    ///   bisection steps, each after a round that did not and with up to two passes of its own),
    ///   plus O(n + m) to select among the at most n + m differences left; O(n + m) memory.
    func kthSmallestAndNext(_ k: Int, guide: DifferenceGuide) -> (kth: Double, next: Double) {
        precondition(k >= 1 && k <= count, "order statistic \(k) is outside 1…\(count)")
        if count <= collectLimit {
            var all = allKeys()
            return Self.select(k - 1, in: &all, nextOr: { _ in nil })
        }
        var bracket = DifferenceBracket(k, self, guide: guide)
        bracket.narrow(to: collectLimit, self)
        let highValue = Sorting.value(bracket.high)
        if bracket.high - bracket.low == 1 {
            // Only ties left: the k-th is the upper end (−0.0 reported as +0.0).
            let kth = highValue + 0.0
            return (kth, bracket.highCount > k || k == count ? kth : smallest(above: highValue) ?? kth)
        }
        var inside = keys(above: Sorting.value(bracket.low), notAbove: highValue, expected: bracket.held)
        return Self.select(k - 1 - bracket.lowCount, in: &inside) { _ in
            k == count ? nil : smallest(above: highValue)
        }
    }

    /// The element of rank `index` (0-based) of `keys` and the next one, which `nextOr` supplies
    /// when `keys` has none after it (nil: repeat the element). Reorders `keys`.
    private static func select(
        _ index: Int,
        in keys: inout [UInt64],
        nextOr outside: (Double) -> Double?
    ) -> (kth: Double, next: Double) {
        keys.withUnsafeMutableBufferPointer { keys in
            Sorting.select(keys, index: index)
            let kth = Sorting.value(keys[index]) + 0.0
            guard index + 1 < keys.count else { return (kth, outside(kth) ?? kth) }
            let next = UnsafeMutableBufferPointer(rebasing: keys[(index + 1)...]).min()!
            return (kth, Sorting.value(next) + 0.0)
        }
    }
}
