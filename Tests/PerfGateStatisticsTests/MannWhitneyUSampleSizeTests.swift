import PerfGateStatistics
import Testing

struct MannWhitneyUSampleSizeTests {
    struct GoldenFile: Decodable {
        struct Smallest: Decodable {
            var candidateCount: Int
            var baselineCount: Int
            var pValue: Double
        }
        struct Minimum: Decodable {
            var alpha: Double
            var count: Int
        }
        struct MinimumFixed: Decodable {
            var alpha: Double
            var otherCount: Int
            var count: Int
        }
        var smallestTwoSidedPValue: [Smallest]
        var minimumSampleCount: [Minimum]
        var minimumSampleCountFixedOther: [MinimumFixed]
    }

    @Test func smallestTwoSidedPValueMatchesExactBinomials() throws {
        let golden: GoldenFile = try GoldenVectors.load("sample_size")
        for row in golden.smallestTwoSidedPValue {
            let p = MannWhitneyU.smallestTwoSidedPValue(
                candidateCount: row.candidateCount,
                baselineCount: row.baselineCount
            )
            #expect(isClose(p, row.pValue, relative: 1e-12), "\(row.candidateCount)×\(row.baselineCount)")
        }
    }

    @Test func minimumSampleCountsMatchExactBinomials() throws {
        let golden: GoldenFile = try GoldenVectors.load("sample_size")
        for row in golden.minimumSampleCount {
            #expect(MannWhitneyU.minimumSampleCount(toReach: row.alpha) == row.count, "alpha \(row.alpha)")
        }
        for row in golden.minimumSampleCountFixedOther {
            let count = MannWhitneyU.minimumSampleCount(toReach: row.alpha, otherCount: row.otherCount)
            #expect(count == row.count, "alpha \(row.alpha), other \(row.otherCount)")
        }
    }

    @Test func smallestPValueIsTheExactPValueOfDisjointSamples() {
        let candidate: [Double] = [10, 11, 12, 13]
        let baseline: [Double] = [1, 2, 3, 4, 5]
        let exact = MannWhitneyU.test(candidate: candidate, baseline: baseline, method: .exact).pValue
        let bound = MannWhitneyU.smallestTwoSidedPValue(candidateCount: 4, baselineCount: 5)
        #expect(isClose(exact, bound, relative: 1e-14))
    }

    @Test func noCountReachesAlphaAgainstAnEmptySide() {
        #expect(MannWhitneyU.minimumSampleCount(toReach: 0.05, otherCount: 0) == nil)
        #expect(MannWhitneyU.minimumSampleCount(toReach: 1e-300, otherCount: 1) == nil)
    }
}
