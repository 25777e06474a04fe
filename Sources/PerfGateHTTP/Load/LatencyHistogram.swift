/// A log-linear latency histogram in the manner of HdrHistogram (Gil Tene): fixed memory, O(1)
/// recording, percentiles with a bounded relative error however long the run.
///
/// Values are whole nanoseconds. Below 256 ns every value has its own bucket (exact). Above, each
/// power of two [2^e, 2^(e+1)) is split into 128 equal sub-buckets, so a bucket is at most 1/128 of
/// its lower bound wide; a percentile is reported as its bucket's midpoint, hence within
/// ``relativeError`` (1/256 ≈ 0.39 %) of the exact nearest-rank percentile of the recorded values.
/// Values above 2^44 ns (about 4.9 hours) are clamped to that. Memory: 4,992 counters (39 KiB).
public struct LatencyHistogram: Sendable, Equatable {
    /// Bound on the relative error of ``percentile(_:)`` against the exact nearest-rank percentile.
    public static let relativeError = 1.0 / 256.0
    static let subBucketBits = 7
    static let subBucketCount = 1 << subBucketBits
    static let maxValue: UInt64 = (1 << 44) - 1
    static let bucketCount = (44 - subBucketBits) * subBucketCount + 2 * subBucketCount

    private var counts: [UInt64]
    /// Number of recorded values.
    public private(set) var count: Int = 0
    /// The smallest recorded value in nanoseconds (`UInt64.max` when empty).
    public private(set) var minNanoseconds: UInt64 = .max
    /// The largest recorded value in nanoseconds (0 when empty).
    public private(set) var maxNanoseconds: UInt64 = 0
    private var sumNanoseconds: Double = 0

    /// Creates an empty histogram.
    public init() {
        counts = [UInt64](repeating: 0, count: Self.bucketCount)
    }

    /// Records one value in nanoseconds.
    @inline(__always)
    public mutating func record(nanoseconds value: UInt64) {
        let clamped = min(value, Self.maxValue)
        counts[Self.index(of: clamped)] &+= 1
        count += 1
        minNanoseconds = min(minNanoseconds, clamped)
        maxNanoseconds = max(maxNanoseconds, clamped)
        sumNanoseconds += Double(clamped)
    }

    /// Records one value in seconds (rounded to the nearest nanosecond; negative values count as 0).
    public mutating func record(seconds: Double) {
        record(nanoseconds: seconds > 0 ? UInt64(min((seconds * 1e9).rounded(), Double(Self.maxValue))) : 0)
    }

    /// Adds every value recorded in `other`.
    /// - Complexity: O(buckets).
    public mutating func merge(_ other: LatencyHistogram) {
        for index in counts.indices { counts[index] &+= other.counts[index] }
        count += other.count
        minNanoseconds = min(minNanoseconds, other.minNanoseconds)
        maxNanoseconds = max(maxNanoseconds, other.maxNanoseconds)
        sumNanoseconds += other.sumNanoseconds
    }

    /// The mean of the recorded values in seconds (exact, not bucketed), or nil when empty.
    public var meanSeconds: Double? {
        count == 0 ? nil : sumNanoseconds / Double(count) / 1e9
    }

    /// The nearest-rank `p`-quantile in seconds: the value of rank ⌈p·n⌉ (at least 1), reported as
    /// its bucket's midpoint clamped to [min, max]; nil when empty.
    /// - Parameter p: the quantile in [0, 1] (0.5 for the median, 0.99 for p99).
    /// - Complexity: O(buckets).
    public func percentile(_ p: Double) -> Double? {
        precondition((0...1).contains(p), "percentile \(p) is outside [0, 1]")
        guard count > 0 else { return nil }
        let rank = max(1, UInt64((p * Double(count)).rounded(.up)))
        var cumulative: UInt64 = 0
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            cumulative += bucketCount
            if cumulative >= rank {
                let (lower, upper) = Self.bounds(of: index)
                let middle = lower + (upper - lower) / 2
                return Double(min(max(middle, minNanoseconds), maxNanoseconds)) / 1e9
            }
        }
        return Double(maxNanoseconds) / 1e9
    }

    /// The bucket of `value` (≤ ``maxValue``).
    @inline(__always)
    static func index(of value: UInt64) -> Int {
        if value < UInt64(2 * subBucketCount) { return Int(value) }
        let shift = (63 - value.leadingZeroBitCount) - subBucketBits
        return shift * subBucketCount + Int(value >> UInt64(shift))
    }

    /// The smallest and largest value of bucket `index`.
    static func bounds(of index: Int) -> (UInt64, UInt64) {
        if index < 2 * subBucketCount { return (UInt64(index), UInt64(index)) }
        let shift = index / subBucketCount - 1
        let mantissa = UInt64(index - shift * subBucketCount)
        return (mantissa << UInt64(shift), ((mantissa + 1) << UInt64(shift)) - 1)
    }
}
