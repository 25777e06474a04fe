import PerfGateStatistics
import Testing

struct HolmBonferroniTests {
    struct GoldenCase: Decodable {
        var pValues: [Double]
        var adjusted: [Double]
    }

    @Test func adjustedPValuesMatchTheStatsmodelsDefinition() throws {
        let cases: [GoldenCase] = try GoldenVectors.load("holm")
        for golden in cases {
            let adjusted = HolmBonferroni.adjustedPValues(golden.pValues)
            #expect(adjusted.count == golden.adjusted.count)
            for (actual, expected) in zip(adjusted, golden.adjusted) {
                #expect(isClose(actual, expected, relative: 1e-15), "\(golden.pValues)")
            }
        }
    }

    @Test func adjustmentIsMonotoneInTheRawOrderAndCappedAtOne() {
        let raw = [0.04, 0.001, 0.3, 0.02, 0.5]
        let adjusted = HolmBonferroni.adjustedPValues(raw)
        // 0.001·5, 0.02·4, 0.04·3, 0.3·2, 0.5·1 → running maximum, capped.
        #expect(adjusted == [0.12, 0.005, 0.6, 0.08, 0.6])
        #expect(HolmBonferroni.adjustedPValues([0.9, 0.8]) == [1, 1])
    }

    @Test func emptyAndSingleFamiliesAreUnchanged() {
        #expect(HolmBonferroni.adjustedPValues([]) == [])
        #expect(HolmBonferroni.adjustedPValues([0.03]) == [0.03])
    }
}
