import PerfGateComparison
import PerfGateResults
import PerfGateStatistics
import Testing

/// Gating, the verdict, and the Holm–Bonferroni family.
struct ComparatorGatingTests {
    /// Benchmarks whose `round_seconds` move by different amounts, so their p-values differ.
    static let baseline: [BenchmarkResult] = [
        Fixtures.benchmark("a/big-slowdown", seconds: Fixtures.uniform(1.0, 1.1, seed: 40)),
        Fixtures.benchmark("b/small-slowdown", seconds: Fixtures.uniform(1.0, 1.1, seed: 41)),
        Fixtures.benchmark("c/noise", seconds: Fixtures.uniform(1.0, 1.1, seed: 42)),
        Fixtures.benchmark("d/not-gating", seconds: Fixtures.uniform(1.0, 1.1, seed: 43)),
        Fixtures.benchmark("e/few-samples", seconds: Fixtures.uniform(1.0, 1.1, count: 4, seed: 44)),
        Fixtures.benchmark("f/removed", seconds: Fixtures.uniform(1.0, 1.1, seed: 45)),
    ]

    static let candidate: [BenchmarkResult] = [
        Fixtures.benchmark("a/big-slowdown", seconds: Fixtures.uniform(1.2, 1.3, seed: 50)),
        Fixtures.benchmark("b/small-slowdown", seconds: Fixtures.uniform(1.03, 1.13, seed: 51)),
        Fixtures.benchmark("c/noise", seconds: Fixtures.uniform(1.0, 1.1, seed: 52)),
        Fixtures.benchmark("d/not-gating", seconds: Fixtures.uniform(1.5, 1.6, seed: 53)),
        Fixtures.benchmark("e/few-samples", seconds: Fixtures.uniform(1.5, 1.6, count: 4, seed: 54)),
        Fixtures.benchmark("g/added", seconds: Fixtures.uniform(1.0, 1.1, seed: 55)),
    ]

    /// `d/*` is reported but not gating.
    static func thresholds(correction: Correction = .holm) -> Thresholds {
        Fixtures.thresholds(correction: correction, rules: [ThresholdRule(match: "d/*", gating: false)])
    }

    static func comparison(correction: Correction = .holm) -> Comparison {
        Fixtures.compare(baseline: baseline, candidate: candidate, thresholds: thresholds(correction: correction))
    }

    static func result(_ comparison: Comparison, _ benchmark: String) -> MetricComparison? {
        comparison.results.first { $0.benchmark == benchmark }
    }

    @Test func adjustedPValuesAreHolmOverTheGatingResultsPresentInBothFiles() throws {
        let comparison = Self.comparison()
        // The family, computed independently: gating and present in both files (a, b, c, e).
        let family = ["a/big-slowdown", "b/small-slowdown", "c/noise", "e/few-samples"]
        let raw = try family.map { id in
            let old = try #require(Self.baseline.first { $0.id == id }?.metrics["round_seconds"]?.samples)
            let new = try #require(Self.candidate.first { $0.id == id }?.metrics["round_seconds"]?.samples)
            return MannWhitneyU.test(candidate: new, baseline: old).pValue
        }
        let adjusted = HolmBonferroni.adjustedPValues(raw)
        for (index, id) in family.enumerated() {
            let test = try #require(Self.result(comparison, id)?.test, "\(id)")
            #expect(test.pValue == raw[index], "\(id)")
            #expect(test.adjustedPValue == adjusted[index], "\(id)")
        }
        // The adjustment did something: at least one p-value grew.
        #expect(zip(raw, adjusted).contains { $0 < $1 })
    }

    @Test func aNonGatingResultKeepsItsRawPValueAndStaysOutOfTheFamily() throws {
        let comparison = Self.comparison()
        let test = try #require(Self.result(comparison, "d/not-gating")?.test)
        #expect(test.adjustedPValue == test.pValue)
        // Had it been in the family, the smallest p-value (a's) would have been multiplied by 5, not 4.
        let a = try #require(Self.result(comparison, "a/big-slowdown")?.test)
        let withNonGating = try ["a/big-slowdown", "b/small-slowdown", "c/noise", "d/not-gating", "e/few-samples"].map {
            try #require(Self.result(comparison, $0)?.test?.pValue)
        }
        #expect(a.adjustedPValue == 4 * a.pValue)
        #expect(a.adjustedPValue != HolmBonferroni.adjustedPValues(withNonGating)[0])
    }

    @Test func addedAndRemovedResultsHaveNoTest() {
        let comparison = Self.comparison()
        #expect(Self.result(comparison, "f/removed")?.status == .removed)
        #expect(Self.result(comparison, "f/removed")?.test == nil)
        #expect(Self.result(comparison, "g/added")?.status == .added)
        #expect(Self.result(comparison, "g/added")?.test == nil)
    }

    @Test func withoutCorrectionTheAdjustedPValueIsTheRawOne() throws {
        let comparison = Self.comparison(correction: .none)
        for result in comparison.results {
            guard let test = result.test else { continue }
            #expect(test.adjustedPValue == test.pValue, "\(result.benchmark)")
            #expect(!result.reason.contains("Holm"), "\(result.benchmark)")
        }
    }

    @Test func theStatusesOfTheFamilyFollowTheirAdjustedPValues() {
        let comparison = Self.comparison()
        #expect(Self.result(comparison, "a/big-slowdown")?.status == .regressed)
        #expect(Self.result(comparison, "c/noise")?.status == .unchanged)
        #expect(Self.result(comparison, "d/not-gating")?.status == .regressed)
        #expect(Self.result(comparison, "e/few-samples")?.status == .inconclusive)
        #expect(comparison.verdict == .fail)
    }

    @Test func aNonGatingRegressionAloneDoesNotFailTheVerdict() throws {
        let samples = Fixtures.uniform(1.0, 1.1, seed: 60)
        let comparison = Fixtures.compare(
            baseline: [Fixtures.benchmark("d/not-gating", seconds: samples)],
            candidate: [Fixtures.benchmark("d/not-gating", seconds: samples.map { $0 * 1.5 })],
            thresholds: Self.thresholds()
        )
        let result = try #require(comparison.results.first)
        #expect(result.gating == false)
        #expect(result.status == .regressed)
        #expect(comparison.verdict == .pass)
    }

    @Test func theVerdictPassesWhenNothingGatingFails() {
        let samples = Fixtures.uniform(1.0, 1.1, seed: 61)
        let comparison = Fixtures.compare(
            baseline: [Fixtures.benchmark("x", seconds: samples)],
            candidate: [Fixtures.benchmark("x", seconds: samples.map { $0 * 0.5 })]
        )
        #expect(comparison.results.map(\.status) == [.improved])
        #expect(comparison.verdict == .pass)
    }

    @Test func theComparisonNamesItsInputsAndSettings() {
        let comparison = Self.comparison()
        #expect(comparison.schema == "perfgate/comparison@1")
        #expect(comparison.alpha == 0.01)
        #expect(comparison.correction == .holm)
        #expect(
            comparison.baseline == RunReference(path: "baseline.json", runId: "baseline", commit: "baseline-commit")
        )
        #expect(
            comparison.candidate == RunReference(path: "candidate.json", runId: "candidate", commit: "candidate-commit")
        )
    }
}
