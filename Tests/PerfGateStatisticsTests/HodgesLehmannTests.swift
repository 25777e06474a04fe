import Testing

@testable import PerfGateStatistics

struct HodgesLehmannTests {
    struct GoldenCase: Decodable {
        var name: String
        var candidate: GoldenSample
        var baseline: GoldenSample
        var confidence: Double
        var rank: Int
        var estimate: Double
        var low: Double
        var high: Double
    }

    @Test func shiftAndIntervalMatchNumpyOnTheFullDifferenceMatrix() throws {
        let cases: [GoldenCase] = try GoldenVectors.load("hodges_lehmann")
        for golden in cases {
            let candidate = try golden.candidate.makeValues()
            let baseline = try golden.baseline.makeValues()
            let shift = HodgesLehmann.shift(candidate: candidate, baseline: baseline, confidence: golden.confidence)
            let rank = HodgesLehmann.confidenceRank(candidate.count, baseline.count, confidence: golden.confidence)
            #expect(rank == golden.rank, "\(golden.name)")
            #expect(isClose(shift.estimate, golden.estimate, relative: 1e-12), "\(golden.name) estimate")
            // The ends are single differences, selected exactly: bit-for-bit equal.
            #expect(shift.low == golden.low, "\(golden.name) low")
            #expect(shift.high == golden.high, "\(golden.name) high")
            #expect(shift.confidence == golden.confidence)
        }
    }

    @Test func selectionFindsEveryOrderStatisticOfASmallMatrix() {
        var random = SplitMix64(seed: 7)
        let candidate = (0..<9).map { _ in (random.nextUnitDouble() * 8).rounded(.down) }.sorted()
        let baseline = (0..<7).map { _ in (random.nextUnitDouble() * 8).rounded(.down) }.sorted()
        let all = candidate.flatMap { c in baseline.map { c - $0 } }.sorted()
        let differences = PairwiseDifferences(candidate: candidate, baseline: baseline)
        for k in 1...all.count {
            #expect(differences.kthSmallest(k) == all[k - 1], "k = \(k)")
        }
    }

    @Test func intervalCoversAtLeastTheRequestedConfidence() {
        // With k from the exact null distribution, 1 − 2·P(U ≤ k − 1) ≥ confidence.
        for (n, m) in [(5, 5), (10, 12), (30, 20)] {
            for confidence in [0.8, 0.9, 0.95, 0.99] {
                let k = HodgesLehmann.confidenceRank(n, m, confidence: confidence)
                let distribution = MannWhitneyNullDistribution(n, m)
                #expect(1 - 2 * distribution.cdf(k - 1) >= confidence)
                #expect(1 - 2 * distribution.cdf(k) < confidence || k == 1)
            }
        }
    }

    @Test func tinySamplesGetTheFullRangeOfDifferences() {
        let shift = HodgesLehmann.shift(candidate: [3, 4], baseline: [1], confidence: 0.99)
        #expect(shift.low == 2)
        #expect(shift.high == 3)
        #expect(shift.estimate == 2.5)
    }

    @Test func estimateAloneEqualsTheShiftEstimate() {
        let candidate: [Double] = [1.5, 2.25, 9, 4]
        let baseline: [Double] = [0.5, 1, 3]
        let shift = HodgesLehmann.shift(candidate: candidate, baseline: baseline, confidence: 0.9)
        #expect(HodgesLehmann.estimate(candidate: candidate, baseline: baseline) == shift.estimate)
    }

    @Test func aZeroDifferenceIsPositiveZero() {
        let shift = HodgesLehmann.shift(candidate: [1, 2, 3], baseline: [1, 2, 3], confidence: 0.5)
        #expect(shift.estimate == 0 && shift.estimate.sign == .plus)
    }
}
