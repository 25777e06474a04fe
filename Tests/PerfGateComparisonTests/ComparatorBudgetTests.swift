import PerfGateComparison
import PerfGateResults
import PerfGateStatistics
import Testing

/// `over_budget`: absolute limits on the candidate, which take precedence over every other status.
struct ComparatorBudgetTests {
    /// Thresholds whose only rule gives `metric` a budget.
    static func thresholds(_ budget: Budget, gating: Bool? = nil, statistic: SummaryStatistic? = nil) -> Thresholds {
        Fixtures.thresholds(rules: [
            ThresholdRule(metric: "metric", statistic: statistic, gating: gating, budget: budget)
        ])
    }

    @Test func aCandidateAboveItsMaximumIsOverBudgetEvenWhenUnchanged() throws {
        // Baseline and candidate are the same samples: no difference at all, but both break the budget.
        let samples = Fixtures.uniform(0.6, 0.7, seed: 20)
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(samples),
            candidate: Fixtures.metric(samples),
            thresholds: Self.thresholds(Budget(max: 0.5))
        )
        #expect(result.status == .overBudget)
        #expect(comparison.verdict == .fail)
        // Values are shown in their unit, as the reports show them.
        #expect(result.reason.hasPrefix("p50 6"))
        #expect(result.reason.hasSuffix(" ms exceeds the budget of 500 ms"))
        #expect(result.limit?.budgetMax == 0.5)
        #expect(result.limit?.budgetStatistic == .p50)
        // The test still runs and is reported.
        #expect(try #require(result.test).pValue == 1)
    }

    @Test func aCandidateBelowItsMinimumIsOverBudget() {
        let baseline = Fixtures.uniform(1000, 1100, seed: 21)
        let candidate = Fixtures.uniform(400, 450, seed: 22)
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(baseline, unit: "per_second", better: .higher),
            candidate: Fixtures.metric(candidate, unit: "per_second", better: .higher),
            thresholds: Self.thresholds(Budget(min: 500))
        )
        #expect(result.status == .overBudget)
        #expect(comparison.verdict == .fail)
        #expect(result.reason.contains("is below the budget minimum of 500/s"))
        #expect(result.limit?.budgetMin == 500)
    }

    @Test func aCandidateWithinBothBoundsIsJudgedOnItsChange() {
        let samples = Fixtures.uniform(0.6, 0.7, seed: 23)
        let (_, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(samples),
            candidate: Fixtures.metric(samples),
            thresholds: Self.thresholds(Budget(max: 0.8, min: 0.5))
        )
        #expect(result.status == .unchanged)
    }

    @Test func theBudgetStatisticCanDifferFromTheGatedStatistic() {
        // Gated on p50 (unchanged), budget on max: one slow sample breaks it.
        let baseline = Fixtures.uniform(0.10, 0.11, seed: 24)
        let candidate = Fixtures.uniform(0.10, 0.11, seed: 25).dropLast() + [0.9]
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(baseline),
            candidate: Fixtures.metric(Array(candidate)),
            thresholds: Self.thresholds(Budget(statistic: .max, max: 0.5))
        )
        #expect(result.statistic == .p50)
        #expect(result.limit?.budgetStatistic == .max)
        #expect(result.status == .overBudget)
        #expect(result.reason == "max 900 ms exceeds the budget of 500 ms")
        #expect(comparison.verdict == .fail)
    }

    @Test func theBudgetIsCheckedOnItsOwnStatisticOnly() {
        // The p50 (gated) is above 0.5, but the budget is on the minimum, which stays below it.
        let samples = [0.1] + Fixtures.uniform(0.6, 0.7, count: 29, seed: 26)
        let (_, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(samples),
            candidate: Fixtures.metric(samples),
            thresholds: Self.thresholds(Budget(statistic: .min, max: 0.5))
        )
        #expect(result.status == .unchanged)
    }

    @Test func overBudgetTakesPrecedenceOverRegressed() {
        let (_, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(Fixtures.uniform(1.0, 1.1, seed: 27)),
            candidate: Fixtures.metric(Fixtures.uniform(1.5, 1.6, seed: 28)),
            thresholds: Self.thresholds(Budget(max: 1.2))
        )
        #expect(result.status == .overBudget)
    }

    @Test func overBudgetTakesPrecedenceOverInconclusive() {
        let (_, result) = Fixtures.compareOne(
            baseline: Fixtures.metric([1.0, 1.1, 1.2]),
            candidate: Fixtures.metric([1.5, 1.6, 1.7]),
            thresholds: Self.thresholds(Budget(max: 1.2))
        )
        #expect(result.status == .overBudget)
        #expect(result.samplesNeeded == nil)
    }

    @Test func anAddedMetricAboveItsBudgetIsOverBudget() {
        let (comparison, result) = Fixtures.compareOne(
            baseline: nil,
            candidate: Fixtures.metric(Fixtures.uniform(1.5, 1.6, seed: 29)),
            thresholds: Self.thresholds(Budget(max: 1.2))
        )
        #expect(result.status == .overBudget)
        #expect(result.test == nil)
        #expect(comparison.verdict == .fail)
    }

    @Test func aRemovedMetricIsNeverOverBudget() {
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(Fixtures.uniform(1.5, 1.6, seed: 30)),
            candidate: nil,
            thresholds: Self.thresholds(Budget(max: 1.2))
        )
        #expect(result.status == .removed)
        #expect(comparison.verdict == .pass)
    }

    @Test func aNonGatingMetricOverBudgetIsReportedButPasses() {
        let (comparison, result) = Fixtures.compareOne(
            baseline: Fixtures.metric(Fixtures.uniform(1.0, 1.1, seed: 31)),
            candidate: Fixtures.metric(Fixtures.uniform(1.5, 1.6, seed: 32)),
            thresholds: Self.thresholds(Budget(max: 1.2), gating: false)
        )
        #expect(result.status == .overBudget)
        #expect(result.gating == false)
        #expect(comparison.verdict == .pass)
    }
}
