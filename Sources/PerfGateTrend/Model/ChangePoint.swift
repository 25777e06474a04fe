public import PerfGateResults

/// A place in a series where the distribution of the values changed.
///
/// `index` is the first point after the change: the run at `index` is the first one measured with
/// the new behaviour, so its commit is where the change came in (or the first commit measured after it).
public struct ChangePoint: Sendable, Hashable {
    /// Index into ``TrendSeries/points`` of the first point after the change (at least 1).
    public var index: Int
    /// The median of the p50 values from the previous change point (or the start) up to `index`.
    public var medianBefore: Double
    /// The median of the p50 values from `index` up to the next change point (or the end).
    public var medianAfter: Double
    /// The permutation p-value of the split (see ``EDivisiveDetector``), in (0, 1].
    public var pValue: Double
    /// The energy statistic Q̂ of the split, in the metric's unit (larger is a clearer split).
    public var energy: Double

    /// Creates a change point.
    public init(index: Int, medianBefore: Double, medianAfter: Double, pValue: Double, energy: Double) {
        self.index = index
        self.medianBefore = medianBefore
        self.medianAfter = medianAfter
        self.pValue = pValue
        self.energy = energy
    }

    /// `medianAfter / medianBefore − 1` (0.2 = 20 % larger after); nil when `medianBefore` is 0.
    public var relativeChange: Double? {
        medianBefore == 0 ? nil : medianAfter / medianBefore - 1
    }

    /// Whether the change made the metric worse, given which direction is better.
    public func isRegression(better: Better) -> Bool {
        switch better {
        case .lower: medianAfter > medianBefore
        case .higher: medianAfter < medianBefore
        }
    }
}
