import PerfGateStatistics
/// Change-point detection by e-divisive means with a seeded permutation test (Matteson & James 2014),
/// the algorithm of Apache Otava's `compute_change_points_orig` and of R's `ecp::e.divisive`.
///
/// The series is split recursively: in each round, every current segment proposes its best split (the τ
/// maximising Q̂ over the ends κ of the right-hand sample, as Otava does, for segments of up to 128
/// values; with κ at the segment's end for longer ones, see `EnergyStatistic`; at least
/// ``minimumSegmentLength`` values on each side), and the
/// proposal with the largest Q̂ is tested. The test shuffles the values within every current segment
/// (seeded), finds the largest Q̂ of the shuffled series the same way, and counts the shuffles whose Q̂ is
/// at least the observed one: p = (1 + count) / (1 + R) for R ``permutations``. A split with p ≤ ``alpha``
/// becomes a change point and the next round starts; the first split that is not significant ends the
/// search, as does reaching ``maximumChangePoints``. The test stops early, sequentially, as soon as the count makes p ≤ alpha impossible (the
/// p-value then reported for that proposal is the running estimate, which is above alpha).
///
/// Differences from Otava: segments longer than 128 values use the segment's end as κ, the p-value
/// counts the observed statistic (Otava divides the count by R + 1 without the 1 +), and each side of a
/// split has at least ``minimumSegmentLength`` values (Otava: 1).
///
/// Deterministic: the same values, parameters and seed give the same change points on every platform.
///
/// - Complexity: O((k + 1) · R · N²) for a series of N ≤ 128 values, O((k + 1) · R · N log N) for
///   longer ones, with k change points found (at most ``maximumChangePoints``) and R permutations;
///   typically far fewer permutations for the last, non-significant round.
public struct EDivisiveDetector: Sendable, Hashable {
    /// The largest p-value accepted as a change point, in (0, 1). Default 0.01.
    public var alpha: Double
    /// The number of permutations R of each test (at least 1). Default 199, as R's `ecp` package; with
    /// alpha 0.01 a split must beat all but one of them.
    public var permutations: Int
    /// The fewest values on either side of a split (at least 1). Default 2: a step is located once two
    /// runs after it exist.
    public var minimumSegmentLength: Int
    /// The seed from which each series' permutations are drawn (mixed with the series' name).
    public var seed: UInt64
    /// The most change points searched for in one series (at least 1). Default 16. This bounds the
    /// time spent on a series that drifts all along, which would otherwise be split again and again;
    /// a series that reaches it is reported with a warning.
    public var maximumChangePoints: Int

    /// Creates a detector; see the properties for the defaults and their reasons.
    /// - Precondition: 0 < alpha < 1, permutations ≥ 1, minimumSegmentLength ≥ 1.
    public init(
        alpha: Double = 0.01, permutations: Int = 199, minimumSegmentLength: Int = 2, seed: UInt64 = 42,
        maximumChangePoints: Int = 16
    ) {
        precondition(alpha > 0 && alpha < 1, "alpha must be in (0, 1)")
        precondition(maximumChangePoints >= 1, "maximumChangePoints must be at least 1")
        precondition(permutations >= 1, "permutations must be at least 1")
        precondition(minimumSegmentLength >= 1, "minimumSegmentLength must be at least 1")
        self.alpha = alpha
        self.permutations = permutations
        self.minimumSegmentLength = minimumSegmentLength
        self.seed = seed
        self.maximumChangePoints = maximumChangePoints
    }

    /// Segments up to this length maximise Q̂ over both τ and κ, as Otava does (O(n²)); longer ones
    /// fix κ at the segment's end (O(n log n)), so that long histories stay fast.
    static let allEndsLimit = 128

    /// A change found by ``detect(_:seed:)``: the first index after it, its p-value and Q̂.
    public struct Detection: Sendable, Hashable {
        /// Index of the first value after the change.
        public var index: Int
        /// The permutation p-value, (1 + count) / (1 + R).
        public var pValue: Double
        /// The observed Q̂ of the split.
        public var energy: Double
    }

    /// The change points of `values`, sorted by index.
    ///
    /// - Parameters:
    ///   - values: The series, oldest first; must be finite. Fewer than 2 × ``minimumSegmentLength``
    ///     values give no change point.
    ///   - seed: The permutation seed of this series (see ``seed(forSeries:)``).
    /// - Returns: The significant splits, sorted by index.
    /// - Complexity: See the type.
    public func detect(_ values: [Double], seed: UInt64) -> [Detection] {
        let ranks = Self.ranks(of: values)
        var statistic = EnergyStatistic(capacity: values.count)
        var generator = SplitMix64(seed: seed)
        var found: [Detection] = []
        while found.count < maximumChangePoints {
            let bounds = [0] + found.map(\.index) + [values.count]
            guard let candidate = bestSplit(values, ranks: ranks, bounds: bounds, statistic: &statistic) else { break }
            let pValue = permutationPValue(
                observed: candidate.energy, values: values, ranks: ranks, bounds: bounds,
                statistic: &statistic, generator: &generator
            )
            guard pValue <= alpha else { break }
            found.append(Detection(index: candidate.index, pValue: pValue, energy: candidate.energy))
            found.sort { $0.index < $1.index }
        }
        return found
    }

    /// The seed of one series: the detector's seed mixed with a stable hash of `name`, so that a series
    /// gets the same permutations whichever other series are analysed with it.
    public func seed(forSeries name: String) -> UInt64 {
        var mixer = SplitMix64(seed: seed ^ SplitMix64.hash(name))
        return mixer.next()
    }

    /// The best split over all segments between consecutive `bounds`.
    private func bestSplit(
        _ values: [Double], ranks: [Int], bounds: [Int], statistic: inout EnergyStatistic
    ) -> EnergyStatistic.Split? {
        var best: EnergyStatistic.Split? = nil
        for segment in 0..<(bounds.count - 1) {
            let range = bounds[segment]..<bounds[segment + 1]
            let split =
                range.count <= Self.allEndsLimit
                ? statistic.bestSplitAllEnds(values: values, range: range, minimumLength: minimumSegmentLength)
                : statistic.bestSplit(values: values, ranks: ranks, range: range, minimumLength: minimumSegmentLength)
            guard let split else { continue }
            if best == nil || split.energy > best!.energy { best = split }
        }
        return best
    }

    /// The permutation p-value of `observed`, shuffling within each segment; stops once p ≤ alpha is
    /// out of reach.
    private func permutationPValue(
        observed: Double, values: [Double], ranks: [Int], bounds: [Int],
        statistic: inout EnergyStatistic, generator: inout SplitMix64
    ) -> Double {
        // p = (1 + count) / (1 + R) ≤ alpha needs count ≤ alpha·(1 + R) − 1.
        let allowed = Int((alpha * Double(permutations + 1)).rounded(.down)) - 1
        var order = Array(values.indices)
        var shuffledValues = values
        var shuffledRanks = ranks
        var count = 0
        for done in 1...permutations {
            for segment in 0..<(bounds.count - 1) {
                order[bounds[segment]..<bounds[segment + 1]].shuffle(using: &generator)
            }
            for position in order.indices {
                shuffledValues[position] = values[order[position]]
                shuffledRanks[position] = ranks[order[position]]
            }
            let best = bestSplit(shuffledValues, ranks: shuffledRanks, bounds: bounds, statistic: &statistic)
            if let best, best.energy >= observed { count += 1 }
            if count > allowed { return Double(1 + count) / Double(1 + done) }
        }
        return Double(1 + count) / Double(1 + permutations)
    }

    /// Distinct 0-based ranks of `values` (ties in index order).
    private static func ranks(of values: [Double]) -> [Int] {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ranks = Array(repeating: 0, count: values.count)
        for (rank, index) in order.enumerated() { ranks[index] = rank }
        return ranks
    }
}
