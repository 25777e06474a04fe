import PerfGateStatistics
import Testing

struct WilcoxonSignedRankTests {
    struct GoldenCase: Decodable {
        var name: String
        var differences: GoldenSample
        var alternative: String
        var method: String?
        var expectedMethod: String
        var count: Int
        var plusRankSum: Double
        var pValue: Double
    }

    @Test func pValuesAgreeWithScipyToOneBillionth() throws {
        let cases: [GoldenCase] = try GoldenVectors.load("wilcoxon")
        #expect(cases.count > 200)
        for golden in cases {
            let alternative = try #require(Alternative(rawValue: golden.alternative))
            let method = try golden.method.map { try #require(WilcoxonMethod(rawValue: $0)) }
            let result = WilcoxonSignedRank.test(
                differences: try golden.differences.makeValues(),
                alternative: alternative,
                method: method
            )
            #expect(result.plusRankSum == golden.plusRankSum, "\(golden.name)")
            #expect(result.count == golden.count, "\(golden.name)")
            #expect(result.method.rawValue == golden.expectedMethod, "\(golden.name)")
            #expect(
                isClose(result.pValue, golden.pValue, relative: 1e-9),
                "\(golden.name): \(result.pValue) vs scipy \(golden.pValue)"
            )
        }
    }

    @Test func allZeroDifferencesGiveAPValueOfOne() {
        let result = WilcoxonSignedRank.test(differences: [0, 0, 0, -0.0])
        #expect(result.count == 0)
        #expect(result.plusRankSum == 0)
        #expect(result.pValue == 1)
    }

    @Test func emptyDifferencesGiveAPValueOfOne() {
        #expect(WilcoxonSignedRank.test(differences: []).pValue == 1)
    }

    @Test func negatingTheDifferencesMirrorsTheOneSidedPValues() {
        var random = SplitMix64(seed: 7)
        let differences = (0..<23).map { _ in random.nextUnitDouble() - 0.35 }
        let negated = differences.map { -$0 }
        for method in [WilcoxonMethod.exact, .asymptotic] {
            let greater = WilcoxonSignedRank.test(differences: differences, alternative: .greater, method: method)
            let less = WilcoxonSignedRank.test(differences: negated, alternative: .less, method: method)
            #expect(isClose(greater.pValue, less.pValue, relative: 1e-12))
            let twoSided = WilcoxonSignedRank.test(differences: differences, method: method)
            let mirrored = WilcoxonSignedRank.test(differences: negated, method: method)
            #expect(isClose(twoSided.pValue, mirrored.pValue, relative: 1e-12))
            #expect(twoSided.plusRankSum + mirrored.plusRankSum == 23 * 24 / 2)
        }
    }

    @Test func smallestPValueIsTwoOverTwoToTheN() {
        #expect(WilcoxonSignedRank.smallestTwoSidedPValue(count: 0) == 1)
        #expect(WilcoxonSignedRank.smallestTwoSidedPValue(count: 1) == 1)
        #expect(WilcoxonSignedRank.smallestTwoSidedPValue(count: 8) == 2.0 / 256)
        // All eight differences positive reach exactly that p-value.
        let allUp = WilcoxonSignedRank.test(differences: (1...8).map(Double.init))
        #expect(allUp.pValue == 2.0 / 256)
        #expect(WilcoxonSignedRank.minimumCount(toReach: 0.01) == 8)
        #expect(WilcoxonSignedRank.minimumCount(toReach: 0.05) == 6)
        #expect(WilcoxonSignedRank.minimumCount(toReach: 0.01 / 30) == 13)
    }

    @Test func nanIsAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) {
            _ = WilcoxonSignedRank.test(differences: [1, .nan])
        }
    }
}
