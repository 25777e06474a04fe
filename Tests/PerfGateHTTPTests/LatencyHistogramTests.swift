import PerfGateStatistics
import Glibc
import Testing

@testable import PerfGateHTTP

struct LatencyHistogramTests {
    /// Exact nearest-rank percentile: the value of rank ⌈p·n⌉ (at least 1) in sorted order.
    static func exactPercentile(_ sorted: [UInt64], _ p: Double) -> UInt64 {
        sorted[max(1, Int((p * Double(sorted.count)).rounded(.up))) - 1]
    }

    @Test(arguments: [1, 7, 1000, 25_000])
    func percentilesAreWithinTheDocumentedRelativeErrorOfExactOnes(count: Int) throws {
        var generator = SplitMix64(seed: UInt64(count))
        // Log-uniform latencies from 1 µs to 100 ms, plus some tiny exact values.
        let values = (0..<count).map { index -> UInt64 in
            if index % 50 == 0 { return UInt64(index % 256) }
            let exponent = 3.0 + 5.0 * Double(generator.next() % 1_000_000) / 1_000_000
            return UInt64(pow(10, exponent))
        }
        var histogram = LatencyHistogram()
        for value in values { histogram.record(nanoseconds: value) }
        let sorted = values.sorted()
        for p in [0.0, 0.01, 0.25, 0.5, 0.9, 0.99, 0.999, 1.0] {
            let exact = Double(Self.exactPercentile(sorted, p))
            let estimate = try #require(histogram.percentile(p)) * 1e9
            #expect(
                abs(estimate - exact) <= exact * LatencyHistogram.relativeError + 1,
                "p=\(p) exact \(exact) got \(estimate)"
            )
        }
        #expect(histogram.count == count)
    }

    @Test func bucketsTileTheRangeWithoutGapsAndWithinTheWidthBound() {
        var previousUpper: UInt64?
        for index in 0..<(LatencyHistogram.index(of: LatencyHistogram.maxValue) + 1) {
            let (lower, upper) = LatencyHistogram.bounds(of: index)
            if let previousUpper { #expect(lower == previousUpper + 1, "gap before bucket \(index)") }
            #expect(LatencyHistogram.index(of: lower) == index)
            #expect(LatencyHistogram.index(of: upper) == index)
            #expect(Double(upper - lower) / 2 <= Double(lower) * LatencyHistogram.relativeError)
            previousUpper = upper
        }
    }

    @Test func mergingEqualsRecordingEverythingInOne() {
        var first = LatencyHistogram()
        var second = LatencyHistogram()
        var both = LatencyHistogram()
        for value in stride(from: UInt64(100), to: 1_000_000, by: 997) {
            if value % 2 == 0 { first.record(nanoseconds: value) } else { second.record(nanoseconds: value) }
            both.record(nanoseconds: value)
        }
        first.merge(second)
        #expect(first == both)
    }

    @Test func anEmptyHistogramHasNoPercentile() {
        #expect(LatencyHistogram().percentile(0.5) == nil)
        #expect(LatencyHistogram().meanSeconds == nil)
    }

    @Test func secondsAreRecordedAsNanoseconds() {
        var histogram = LatencyHistogram()
        histogram.record(seconds: 0.000_012)
        #expect(histogram.minNanoseconds == 12_000)
        #expect(histogram.percentile(0.5) == 0.000_012)
    }
}
