import PerfGateStatistics
/// Seeded synthetic samples shaped like `scipy_mannwhitney.py`'s: uniform on [0, 1), the candidate
/// shifted up (by 0.05 for small samples, 0.001 for large ones).
enum SamplePairs {
    /// `count` (candidate, baseline) pairs of `size` values each.
    ///
    /// With `ties`, values are rounded to hundredths (about 100 distinct values per pair), which
    /// makes the Mann–Whitney test take its asymptotic path with the tie correction.
    static func make(_ count: Int, size: Int, seed: Int, ties: Bool = false) -> [([Double], [Double])] {
        var generator = SplitMix64(seed: UInt64(seed))
        let offset = size >= 10_000 ? 0.001 : 0.05
        return (0..<count).map { _ in
            var candidate = generator.uniform(count: size, offset: offset)
            var baseline = generator.uniform(count: size)
            if ties {
                candidate = candidate.map { ($0 * 100).rounded() / 100 }
                baseline = baseline.map { ($0 * 100).rounded() / 100 }
            }
            return (candidate, baseline)
        }
    }
}
