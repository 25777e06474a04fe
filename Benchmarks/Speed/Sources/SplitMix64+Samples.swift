import PerfGateStatistics

/// Synthetic samples from PerfGateStatistics' seeded generator.
extension SplitMix64 {
    /// A uniform double in [0, 1) from the top 53 bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `count` uniform doubles in [0, 1) plus `offset`.
    mutating func uniform(count: Int, offset: Double = 0) -> [Double] {
        (0..<count).map { _ in nextUnit() + offset }
    }
}
