/// The null distribution of the Wilcoxon signed-rank statistic W⁺ for n non-zero differences
/// without ties: W⁺ is the sum of a uniformly random subset of {1, …, n}.
///
/// Counts c(k) of subsets with sum k come from the recurrence of adding rank i to every subset
/// of {1, …, i − 1} (each count is an integer below 2ⁿ, exact in a Double for n ≤ 53 and
/// relatively accurate to about 1e−16 beyond). Probabilities are c(k) / 2ⁿ. Tail sums start from
/// the nearer end, as scipy's `WilcoxonDistribution` does, so that small tails keep their precision.
struct WilcoxonNullDistribution {
    /// P(W⁺ = k) for k = 0 … n(n + 1)/2.
    private let probabilities: [Double]

    /// Builds the distribution for `count` differences.
    /// - Complexity: O(n³) time, O(n²) memory.
    init(count n: Int) {
        let maximum = n * (n + 1) / 2
        var counts = [Double](repeating: 0, count: maximum + 1)
        counts[0] = 1
        var reached = 0
        for rank in 1...max(n, 1) where n > 0 {
            reached += rank
            // Downwards so that each subset uses rank at most once.
            for sum in stride(from: reached, through: rank, by: -1) { counts[sum] += counts[sum - rank] }
        }
        let total = Double(sign: .plus, exponent: n, significand: 1)
        probabilities = counts.map { $0 / total }
    }

    private var mean: Double { Double(probabilities.count - 1) / 2 }

    /// P(W⁺ ≤ k).
    func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= probabilities.count - 1 { return 1 }
        if Double(k) <= mean { return probabilities[0...k].reduce(0, +) }
        return 1 - survival(k + 1)
    }

    /// P(W⁺ ≥ k).
    func survival(_ k: Int) -> Double {
        if k <= 0 { return 1 }
        if k > probabilities.count - 1 { return 0 }
        if Double(k) > mean { return probabilities[k...].reduce(0, +) }
        return 1 - cdf(k - 1)
    }
}
