import PerfGateStatistics
import Testing

/// The descriptive golden file, shared by `DescriptiveTests`, `QuantileTests` and `SampleSummaryTests`.
struct DescriptiveGoldenCase: Decodable {
    struct QuantileValue: Decodable {
        var p: Double
        var value: Double
    }
    struct Summary: Decodable {
        var count: Int
        var min: Double
        var max: Double
        var p50: Double
        var p90: Double
        var p95: Double
        var p99: Double
        var mean: Double
        var stddev: Double
    }
    var name: String
    var sample: GoldenSample
    var quantiles: [QuantileValue]
    var summary: Summary
    var median: Double
    var medianAbsoluteDeviation: Double
    var scipyMedianAbsoluteDeviation: Double
    var coefficientOfVariation: Double?

    static func all() throws -> [Self] {
        try GoldenVectors.load("descriptive")
    }
}

struct DescriptiveTests {
    @Test func meanMedianAndStandardDeviationMatchNumpy() throws {
        for golden in try DescriptiveGoldenCase.all() {
            let values = try golden.sample.makeValues()
            #expect(isClose(Descriptive.mean(values), golden.summary.mean, relative: 1e-12), "\(golden.name)")
            #expect(Descriptive.median(values) == golden.median, "\(golden.name)")
            let stddev = Descriptive.standardDeviation(values)
            #expect(isClose(stddev, golden.summary.stddev, relative: 1e-12), "\(golden.name)")
        }
    }

    @Test func medianAbsoluteDeviationIsUnscaledAndMatchesScipy() throws {
        for golden in try DescriptiveGoldenCase.all() {
            let values = try golden.sample.makeValues()
            let mad = Descriptive.medianAbsoluteDeviation(values)
            #expect(isClose(mad, golden.medianAbsoluteDeviation, relative: 1e-12), "\(golden.name)")
            #expect(isClose(mad, golden.scipyMedianAbsoluteDeviation, relative: 1e-12), "\(golden.name)")
            #expect(Descriptive.scaledMedianAbsoluteDeviation(values) == 1.4826 * mad)
        }
    }

    @Test func coefficientOfVariationIsStandardDeviationOverMeanAndNilForMeanZero() throws {
        for golden in try DescriptiveGoldenCase.all() {
            let values = try golden.sample.makeValues()
            let cv = Descriptive.coefficientOfVariation(values)
            if let expected = golden.coefficientOfVariation {
                let actual = try #require(cv, "\(golden.name)")
                #expect(isClose(actual, expected, relative: 1e-12), "\(golden.name)")
            } else {
                #expect(cv == nil, "\(golden.name)")
            }
        }
    }

    @Test func oneValueHasZeroStandardDeviation() {
        #expect(Descriptive.standardDeviation([4.5]) == 0)
        #expect(Descriptive.coefficientOfVariation([4.5]) == 0)
    }

    @Test func compensatedMeanIsExactWhereNaiveSummationIsNot() {
        // Naive left-to-right summation loses the 1s entirely.
        let values: [Double] = [1e16, 1, 1, 1, 1, -1e16]
        #expect(Descriptive.mean(values) == 4.0 / 6.0)
    }

    @Test func emptySampleIsAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) {
            _ = Descriptive.mean([])
        }
    }
}
