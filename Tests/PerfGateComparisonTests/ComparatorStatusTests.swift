import PerfGateComparison
import PerfGateResults
import PerfGateStatistics
import Testing

/// Every status of the contract, decided from samples built in code (alpha 0.01, Holm, p50, 5 %).
struct ComparatorStatusTests {
    /// 30 baseline samples on [1.0, 1.1).
    static let baseline = Fixtures.uniform(1.0, 1.1, seed: 1)

    @Test func aSignificantSlowdownBeyondTheLimitIsRegressedAndFailsTheGate() throws {
        let candidate = Fixtures.uniform(1.2, 1.3, seed: 2)
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(Self.baseline),
            candidate: Fixtures.metric(candidate)
        )
        let test = try #require(result.test)
        #expect(test.method == .exact)
        #expect(test.adjustedPValue < 0.01)
        #expect(try #require(result.change[.p50]) > 0.05)
        #expect(result.status == .regressed)
        #expect(comparison.verdict == .fail)
        #expect(result.reason.hasPrefix("p50 +"))
        #expect(result.reason.contains("exceeds the +5.0% allowed"))
        #expect(result.reason.contains("after Holm, alpha 0.01"))
    }

    @Test func aSignificantSpeedupBeyondTheLimitIsImprovedAndPasses() throws {
        let candidate = Fixtures.uniform(0.8, 0.9, seed: 3)
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(Self.baseline),
            candidate: Fixtures.metric(candidate)
        )
        #expect(try #require(result.test).adjustedPValue < 0.01)
        #expect(try #require(result.change[.p50]) < -0.05)
        #expect(result.status == .improved)
        #expect(comparison.verdict == .pass)
        #expect(result.reason.contains("improves beyond the 5.0% limit"))
    }

    @Test func aSignificantSlowdownWithinTheLimitIsUnchanged() throws {
        // The samples do not overlap (p is tiny), but the median moves by only about 2 %.
        let baseline = Fixtures.uniform(1.00, 1.01, seed: 4)
        let candidate = Fixtures.uniform(1.02, 1.03, seed: 5)
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(baseline),
            candidate: Fixtures.metric(candidate)
        )
        #expect(try #require(result.test).adjustedPValue < 0.01)
        let change = try #require(result.change[.p50])
        #expect(change > 0 && change < 0.05)
        #expect(result.status == .unchanged)
        #expect(comparison.verdict == .pass)
        #expect(result.reason.contains("is significant but within the +5.0% allowed"))
    }

    @Test func aChangeBeyondTheLimitThatIsNotSignificantIsUnchanged() throws {
        // Interleaved samples: baseline 1…20, candidate 1.6…20.6. U = 210 of 400 (p ≈ 0.9), while the
        // median moves from 10.5 to 11.1 (+5.7 %, beyond the 5 % limit).
        let baseline = (1...20).map(Double.init)
        let candidate = baseline.map { $0 + 0.6 }
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(baseline),
            candidate: Fixtures.metric(candidate)
        )
        let test = try #require(result.test)
        #expect(test.u == 210)
        #expect(test.pValue > 0.5)
        #expect(try #require(result.change[.p50]) > 0.05)
        #expect(result.status == .unchanged)
        #expect(comparison.verdict == .pass)
        #expect(result.reason.hasPrefix("no significant difference"))
    }

    @Test(arguments: [(0.5, ComparisonStatus.unchanged), (0.4999, .regressed)])
    func aChangeExactlyAtTheLimitIsNotBeyondIt(limit: Double, expected: ComparisonStatus) throws {
        // 31 samples around 2.0 (median exactly 2.0) against the same ×1.5 (median exactly 3.0): +50 %.
        let baseline = (-15...15).map { 2.0 + Double($0) * 0.001 }
        let candidate = baseline.map { $0 * 1.5 }
        let (_, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(baseline),
            candidate: Fixtures.metric(candidate),
            thresholds: Fixtures.thresholds(maxRegression: limit)
        )
        #expect(result.change[.p50] == 0.5)
        #expect(try #require(result.test).adjustedPValue < 0.01)
        #expect(result.status == expected)
    }

    @Test func tooFewSamplesAreInconclusiveAndTheReasonNamesTheSamplesNeeded() throws {
        // 4 vs 4 that do not overlap: the smallest two-sided p is 2/C(8,4) = 2/70 ≈ 0.029 ≥ 0.01.
        // 5 per side is enough: 2/C(10,5) = 2/252 ≈ 0.0079 < 0.01.
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric([1.0, 1.1, 1.2, 1.3]),
            candidate: Fixtures.metric([2.0, 2.1, 2.2, 2.3])
        )
        #expect(result.status == .inconclusive)
        #expect(result.samplesNeeded == 5)
        #expect(result.reason.contains("4 vs 4 samples cannot reach p < 0.01"))
        #expect(result.reason.contains("use at least 5 samples on each side"))
        #expect(comparison.verdict == .pass)
    }

    @Test func fiveSamplesPerSideThatDoNotOverlapAreEnoughToRegress() throws {
        let (_, result) = Fixtures.compareOne(
            baseline: Fixtures.metric([1.0, 1.1, 1.2, 1.3, 1.4]),
            candidate: Fixtures.metric([2.0, 2.1, 2.2, 2.3, 2.4])
        )
        #expect(result.status == .regressed)
        let pValue = try #require(result.test?.pValue)
        #expect(abs(pValue - 2.0 / 252.0) < 1e-15)
    }

    @Test func aMetricOnlyInTheCandidateIsAddedWithoutATest() {
        let (comparison, result) = Fixtures.compareOne(baseline: nil, candidate: Fixtures.metric(Self.baseline))
        #expect(result.status == .added)
        #expect(result.baseline == nil)
        #expect(result.candidate != nil)
        #expect(result.test == nil)
        #expect(result.shift == nil)
        #expect(result.change.isEmpty)
        #expect(comparison.verdict == .pass)
    }

    @Test func aMetricOnlyInTheBaselineIsRemovedWithoutATest() {
        let (comparison, result) = Fixtures.compareOne(baseline: Fixtures.metric(Self.baseline), candidate: nil)
        #expect(result.status == .removed)
        #expect(result.baseline != nil)
        #expect(result.candidate == nil)
        #expect(result.test == nil)
        #expect(result.unit == "seconds")
        #expect(comparison.verdict == .pass)
    }

    @Test func aNewMetricOfAnExistingBenchmarkIsAdded() {
        let comparison = Fixtures.compare(
            baseline: [Fixtures.benchmark("bench", ["old": Fixtures.metric(Self.baseline)])],
            candidate: [
                Fixtures.benchmark(
                    "bench",
                    ["old": Fixtures.metric(Self.baseline), "new": Fixtures.metric(Self.baseline)]
                )
            ]
        )
        let statuses = Dictionary(uniqueKeysWithValues: comparison.results.map { ($0.metric, $0.status) })
        #expect(statuses == ["old": .unchanged, "new": .added])
    }

    @Test func throughputThatFallsSignificantlyBeyondTheLimitIsRegressed() throws {
        let baseline = Fixtures.uniform(1000, 1100, seed: 6)
        let candidate = Fixtures.uniform(800, 900, seed: 7)
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(baseline, unit: "per_second", better: .higher),
            candidate: Fixtures.metric(candidate, unit: "per_second", better: .higher)
        )
        #expect(try #require(result.change[.p50]) < -0.05)
        #expect(result.better == .higher)
        #expect(result.status == .regressed)
        #expect(comparison.verdict == .fail)
        #expect(result.reason.contains("exceeds the -5.0% allowed"))
    }

    @Test func throughputThatRisesSignificantlyBeyondTheLimitIsImproved() throws {
        let baseline = Fixtures.uniform(1000, 1100, seed: 8)
        let candidate = Fixtures.uniform(1200, 1300, seed: 9)
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(baseline, unit: "per_second", better: .higher),
            candidate: Fixtures.metric(candidate, unit: "per_second", better: .higher)
        )
        #expect(try #require(result.change[.p50]) > 0.05)
        #expect(result.status == .improved)
        #expect(comparison.verdict == .pass)
    }

    @Test func throughputThatFallsSignificantlyWithinTheLimitIsUnchanged() {
        let baseline = Fixtures.uniform(1000, 1010, seed: 10)
        let candidate = Fixtures.uniform(980, 990, seed: 11)
        let (_, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(baseline, unit: "per_second", better: .higher),
            candidate: Fixtures.metric(candidate, unit: "per_second", better: .higher)
        )
        #expect(result.test.map { $0.adjustedPValue < 0.01 } == true)
        #expect(result.status == .unchanged)
    }

    @Test func identicalConstantSamplesAreUnchangedWithPOfOne() throws {
        let constant = [Double](repeating: 0.5, count: 30)
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(constant),
            candidate: Fixtures.metric(constant)
        )
        let test = try #require(result.test)
        #expect(test.method == .asymptotic)
        #expect(test.u == 450)
        #expect(test.pValue == 1)
        #expect(test.adjustedPValue == 1)
        #expect(result.status == .unchanged)
        #expect(result.shift?.estimate == 0)
        #expect(result.change[.p50] == 0)
        #expect(comparison.verdict == .pass)
    }

    @Test func twoDifferentConstantsAreTestedAsymptoticallyAndRegress() throws {
        let (_, result) = Fixtures.compareOne(
            baseline: Fixtures.metric([Double](repeating: 0.5, count: 30)),
            candidate: Fixtures.metric([Double](repeating: 0.6, count: 30))
        )
        let test = try #require(result.test)
        #expect(test.method == .asymptotic)
        #expect(test.u == 900)
        #expect(test.pValue < 1e-10)
        #expect(result.status == .regressed)
    }

    @Test func theRelativeChangeIsAbsentWhereTheBaselineStatisticIsZero() throws {
        // Baseline: 10 zeros and 20 positive values, so min is 0 but p50 and max are not.
        let baseline = [Double](repeating: 0, count: 10) + Fixtures.uniform(1, 2, count: 20, seed: 12)
        let candidate = [Double](repeating: 0, count: 10) + Fixtures.uniform(1, 2, count: 20, seed: 13)
        let (_, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(baseline),
            candidate: Fixtures.metric(candidate)
        )
        #expect(result.baseline?.min == 0)
        #expect(result.change[.min] == nil)
        #expect(result.change[.count] == nil)
        let p50 = try #require(result.baseline?.p50)
        let candidateP50 = try #require(result.candidate?.p50)
        #expect(result.change[.p50] == (candidateP50 - p50) / p50)
        #expect(result.change[.max] != nil)
    }

    @Test func aRiseFromABaselineOfZeroIsAnUnboundedRegression() throws {
        // A ratio that was 0 in every sample and is now positive: no relative change can be stated,
        // and any significant rise exceeds any limit.
        let baseline = [Double](repeating: 0, count: 30)
        let candidate = Fixtures.uniform(0.01, 0.02, seed: 14)
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(baseline, unit: "ratio"),
            candidate: Fixtures.metric(candidate, unit: "ratio")
        )
        #expect(result.change.isEmpty)
        #expect(try #require(result.test).adjustedPValue < 0.01)
        #expect(result.status == .regressed)
        #expect(result.reason.hasPrefix("p50 +∞%"))
        #expect(comparison.verdict == .fail)
    }

    @Test func theTestReportsTheContractsUOfTheCandidate() throws {
        let baseline = Fixtures.uniform(1.0, 1.1, seed: 15)
        let candidate = Fixtures.uniform(1.02, 1.12, seed: 16)
        let (_, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(baseline),
            candidate: Fixtures.metric(candidate)
        )
        let test = try #require(result.test)
        #expect(test.name == "mann-whitney-u")
        #expect(test.u == Fixtures.bruteForceU(candidate: candidate, baseline: baseline))
        #expect(test.pValue == MannWhitneyU.test(candidate: candidate, baseline: baseline).pValue)
        let shift = try #require(result.shift)
        #expect(shift == HodgesLehmann.shift(candidate: candidate, baseline: baseline, confidence: 0.99))
    }
}
