/// The n·m differences cᵢ − bⱼ of two sorted samples, kept implicit: order statistics are found by
/// bisection on the value, never by listing the differences.
///
/// Count: with both samples ascending, cᵢ − bⱼ falls as j grows and rises as i grows (also after
/// rounding, since IEEE subtraction is monotone in each operand), so #{(i, j) : cᵢ − bⱼ ≤ t} is one
/// two-pointer walk, O(n + m). Selection: the k-th smallest difference is the smallest Double t with
/// count(t) ≥ k; it is found by bisection on the order-preserving 64-bit keys of Doubles between the
/// smallest and the largest difference, at most 64 counts. The result is bit-for-bit one of the
/// rounded differences `c[i] - b[j]`, the same numbers `numpy.subtract.outer` produces, so no
/// tolerance is lost. (A simpler cousin of Johnson & Mizoguchi, "Selecting the Kth element in X + Y
/// and X1 + X2 + … + Xm", SIAM J. Comput. 7, 1978, and of Monahan's algorithm for the Hodges–Lehmann
/// estimator, ACM TOMS 10, 1984, trading their O((n + m) log(n + m)) for O(64 · (n + m)).)
struct PairwiseDifferences {
    /// The candidate sample, ascending, finite.
    let candidate: [Double]
    /// The baseline sample, ascending, finite.
    let baseline: [Double]

    /// n·m.
    var count: Int { candidate.count * baseline.count }

    /// #{(i, j) : candidate[i] − baseline[j] ≤ t}.
    /// - Complexity: O(n + m).
    func countNotAbove(_ t: Double) -> Int {
        candidate.withUnsafeBufferPointer { c in
            baseline.withUnsafeBufferPointer { b in
                var j = 0
                var total = 0
                for value in c {
                    while j < b.count && value - b[j] > t { j += 1 }
                    total += b.count - j
                }
                return total
            }
        }
    }

    /// The k-th smallest difference, k in 1…n·m.
    /// - Complexity: O(64 · (n + m)).
    func kthSmallest(_ k: Int) -> Double {
        precondition(k >= 1 && k <= count, "order statistic \(k) is outside 1…\(count)")
        var low = Sorting.key(candidate[0] - baseline[baseline.count - 1])
        var high = Sorting.key(candidate[candidate.count - 1] - baseline[0])
        while low < high {
            let middle = low + (high - low) / 2
            if countNotAbove(Sorting.value(middle)) >= k {
                high = middle
            } else {
                low = middle + 1
            }
        }
        // The smallest key may be that of −0.0 when the difference is +0.0; report +0.0.
        return Sorting.value(low) + 0.0
    }

    /// The median of the differences: the middle one, or the mean of the two middle ones
    /// (`numpy.median` of `numpy.subtract.outer(candidate, baseline)`).
    func median() -> Double {
        let n = count
        if n % 2 == 1 { return kthSmallest((n + 1) / 2) }
        return (kthSmallest(n / 2) + kthSmallest(n / 2 + 1)) / 2
    }
}
