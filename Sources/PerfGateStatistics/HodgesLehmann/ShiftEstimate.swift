/// A Hodges–Lehmann shift estimate (candidate − baseline) with its distribution-free confidence interval.
///
/// All values are in the unit of the samples. See `HodgesLehmann.shift(candidate:baseline:confidence:)`
/// for the definitions.
public struct ShiftEstimate: Sendable, Hashable {
    /// The median of all candidate − baseline differences.
    public var estimate: Double
    /// The lower end of the confidence interval (the k-th smallest difference).
    public var low: Double
    /// The upper end of the confidence interval (the k-th largest difference).
    public var high: Double
    /// The confidence level of [low, high] that was asked for, for example 0.99.
    public var confidence: Double

    /// Creates an estimate from its parts.
    public init(estimate: Double, low: Double, high: Double, confidence: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
        self.confidence = confidence
    }
}
