/// A small sorted grid of pairwise differences that gives first guesses of where an order
/// statistic of all n·m differences lies.
///
/// The grid pairs up to 16 evenly spaced order statistics of each sorted sample, so its 256
/// differences are a stratified sample of the n·m. Guesses only make `PairwiseDifferences`
/// faster; a wrong guess is detected by counting and corrected, never trusted.
struct DifferenceGuide {
    /// Ascending keys (`Sorting.key`) of the grid's differences.
    let keys: [UInt64]

    /// Values taken per sample.
    private static let side = 16

    /// The grid of `differences` (both samples ascending).
    /// - Complexity: O(256 log 256).
    init(_ differences: PairwiseDifferences) {
        let c = Self.strided(differences.candidate)
        let b = Self.strided(differences.baseline)
        var keys: [UInt64] = []
        keys.reserveCapacity(c.count * b.count)
        for value in c {
            for other in b { keys.append(Sorting.key(value - other)) }
        }
        let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: keys.count)
        defer { scratch.deallocate() }
        keys.withUnsafeMutableBufferPointer { Sorting.sortKeys($0, scratch: scratch) }
        self.keys = keys
    }

    /// Up to `side` values of the ascending `sample` at the centres of equal-count strata.
    private static func strided(_ sample: [Double]) -> [Double] {
        let n = sample.count
        let count = min(n, side)
        return (0..<count).map { sample[(2 * $0 + 1) * n / (2 * count)] }
    }

    /// Keys just below and just above the k-th smallest of `total` differences, judged from the
    /// grid (about two standard errors either way); nil on a side that falls off the grid.
    func bracket(_ k: Int, of total: Int) -> (low: UInt64?, high: UInt64?) {
        let size = Double(keys.count)
        let p = (Double(k) - 0.5) / Double(total)
        let spread = 2 * (size * p * (1 - p)).squareRoot() + 1
        let low = Int((p * size - spread).rounded(.down))
        let high = Int((p * size + spread).rounded(.up))
        return (low >= 0 ? keys[low] : nil, high < keys.count ? keys[high] : nil)
    }
}
