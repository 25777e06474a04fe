import PerfGateStatistics
import Testing

struct MannWhitneyUTests {
    struct GoldenCase: Decodable {
        var name: String
        var candidate: GoldenSample
        var baseline: GoldenSample
        var alternative: String
        var method: String?
        var expectedMethod: String
        var u: Double
        var pValue: Double
    }

    @Test func pValuesAgreeWithScipyToOneBillionth() throws {
        let cases: [GoldenCase] = try GoldenVectors.load("mann_whitney")
        #expect(cases.count > 600)
        for golden in cases {
            let alternative = try #require(Alternative(rawValue: golden.alternative))
            let method = try golden.method.map { try #require(MannWhitneyMethod(rawValue: $0)) }
            let result = MannWhitneyU.test(
                candidate: try golden.candidate.makeValues(),
                baseline: try golden.baseline.makeValues(),
                alternative: alternative,
                method: method
            )
            #expect(result.u == golden.u, "\(golden.name)")
            #expect(result.method.rawValue == golden.expectedMethod, "\(golden.name)")
            #expect(
                isClose(result.pValue, golden.pValue, relative: 1e-9),
                "\(golden.name): \(result.pValue) vs scipy \(golden.pValue)"
            )
        }
    }

    @Test func automaticChoiceIsExactUpToFortyThousandPairsWithoutTies() {
        let twoHundred = (0..<200).map(Double.init)
        let shifted = twoHundred.map { $0 + 0.5 }
        #expect(MannWhitneyU.test(candidate: twoHundred, baseline: shifted).method == .exact)
        let twoHundredOne = (0..<201).map(Double.init)
        #expect(MannWhitneyU.test(candidate: twoHundredOne, baseline: shifted).method == .asymptotic)
        #expect(MannWhitneyU.test(candidate: [1, 2, 2], baseline: [3, 4]).method == .asymptotic)
    }

    @Test func uCountsCandidateWinsWithTiesAsHalves() {
        // Pairs: 2>1, 2=2 (½), 3>1, 3>2 → 3.5.
        let result = MannWhitneyU.test(candidate: [2, 3], baseline: [1, 2])
        #expect(result.u == 3.5)
    }

    @Test func swappingSamplesMirrorsUAndKeepsTheTwoSidedPValue() {
        var random = SplitMix64(seed: 42)
        let candidate = (0..<30).map { _ in random.nextUnitDouble() }
        let baseline = (0..<40).map { _ in random.nextUnitDouble() + 0.1 }
        for method in [MannWhitneyMethod.exact, .asymptotic] {
            let forward = MannWhitneyU.test(candidate: candidate, baseline: baseline, method: method)
            let backward = MannWhitneyU.test(candidate: baseline, baseline: candidate, method: method)
            #expect(forward.u + backward.u == 1200)
            #expect(isClose(forward.pValue, backward.pValue, relative: 1e-12))
            let less = MannWhitneyU.test(candidate: candidate, baseline: baseline, alternative: .less, method: method)
            let greater = MannWhitneyU.test(
                candidate: baseline,
                baseline: candidate,
                alternative: .greater,
                method: method
            )
            #expect(isClose(less.pValue, greater.pValue, relative: 1e-12))
        }
    }

    @Test func identicalSamplesGiveAPValueOfOne() {
        let values: [Double] = [1, 2, 3, 4, 5]
        for method in [MannWhitneyMethod.exact, .asymptotic] {
            #expect(MannWhitneyU.test(candidate: values, baseline: values, method: method).pValue == 1)
        }
    }

    @Test func hugeAllTiedSamplesGiveAPValueOfOne() {
        let tied = [Double](repeating: 0.25, count: 150_000)
        let result = MannWhitneyU.test(candidate: tied, baseline: tied)
        #expect(result.method == .asymptotic)
        #expect(result.u == 150_000.0 * 150_000.0 / 2)
        #expect(result.pValue == 1)
    }

    @Test func infinitiesAreOrdinaryExtremeValues() {
        let result = MannWhitneyU.test(candidate: [.infinity, 5], baseline: [-.infinity, 1, 2])
        #expect(result.u == 6)
        #expect(result.method == .exact)
    }

    @Test func emptySampleIsAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) {
            _ = MannWhitneyU.test(candidate: [], baseline: [1])
        }
    }

    @Test func nanIsAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) {
            _ = MannWhitneyU.test(candidate: [.nan], baseline: [1])
        }
    }
}
