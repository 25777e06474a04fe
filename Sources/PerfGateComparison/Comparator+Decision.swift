import PerfGateResults
import PerfGateStatistics

extension Comparator {
    /// Turns an evaluated pair into its final status and the sentence that explains it.
    func decide(_ pending: PendingComparison) -> MetricComparison {
        let limits = pending.limits
        let unit = (pending.candidate ?? pending.baseline)?.unit ?? ""
        var result = MetricComparison(
            benchmark: pending.benchmark, metric: pending.metric, unit: unit,
            better: (pending.candidate ?? pending.baseline)?.better ?? .lower,
            status: .unchanged, gating: limits.gating, statistic: limits.statistic,
            baseline: pending.baseline?.summary, candidate: pending.candidate?.summary,
            change: pending.change, test: nil, shift: pending.shift,
            limit: AppliedLimit(
                maxRegression: limits.maxRegression, budgetMax: limits.budget?.max,
                budgetMin: limits.budget?.min, budgetStatistic: limits.budget?.statistic
            ),
            reason: ""
        )
        if let test = pending.test {
            result.test = TestOutcome(
                name: test.name, method: test.method, u: test.u, t: test.t, degreesOfFreedom: test.degreesOfFreedom,
                unit: test.unit, baselineCount: test.baselineCount, candidateCount: test.candidateCount,
                pValue: test.pValue, adjustedPValue: pending.adjustedPValue ?? test.pValue
            )
        }
        (result.status, result.reason, result.samplesNeeded) = status(of: pending, result: result)
        return result
    }

    private func status(
        of pending: PendingComparison, result: MetricComparison
    ) -> (ComparisonStatus, String, Int?) {
        guard let candidate = pending.candidate else {
            return (.removed, "present in the baseline only", nil)
        }
        if let breach = budgetBreach(candidate: candidate.summary, limits: pending.limits, unit: result.unit) {
            return (.overBudget, breach, nil)
        }
        guard let baseline = pending.baseline else {
            return (.added, "present in the candidate only", nil)
        }
        if let reason = pending.noTestReason { return (.inconclusive, reason, nil) }
        guard let test = result.test, let pendingTest = pending.test else {
            return (.added, "present in the candidate only", nil)
        }
        if pendingTest.smallestPValue >= thresholds.alpha {
            return inconclusive(pendingTest)
        }
        return significanceStatus(
            result: result, test: test, tendsLarger: pendingTest.candidateTendsLarger, baseline: baseline,
            candidate: candidate
        )
    }

    /// Too few observations (samples or worker processes) for any difference to reach alpha.
    private func inconclusive(_ test: PendingTest) -> (ComparisonStatus, String, Int?) {
        let smallest = test.smallestPValue
        let needed = MannWhitneyU.minimumSampleCount(toReach: thresholds.alpha)
        let cannot = "cannot reach p < \(Self.format(thresholds.alpha)) (smallest possible p = \(Self.format(smallest)))"
        if test.unit == .block {
            let reason = "\(test.candidateCount) vs \(test.baselineCount) worker processes \(cannot): the samples of "
                + "one process share its speed, so the process is the unit of wall time. Record the baseline over "
                + "several runs (`bench baseline record`) to judge wall time"
            return (.inconclusive, reason, nil)
        }
        let reason = "\(test.candidateCount) vs \(test.baselineCount) samples \(cannot); "
            + "use at least \(needed) samples on each side"
        return (.inconclusive, reason, needed)
    }

    private func significanceStatus(
        result: MetricComparison, test: TestOutcome, tendsLarger candidateTendsLarger: Bool, baseline: MetricResult,
        candidate: MetricResult
    ) -> (ComparisonStatus, String, Int?) {
        let statistic = result.statistic
        let limit = result.limit?.maxRegression ?? 0
        let old = baseline.summary.value(of: statistic)
        let new = candidate.summary.value(of: statistic)
        // Worse means larger for lower-is-better metrics; the test's direction comes from U.
        let sign: Double = result.better == .lower ? 1 : -1
        let testSaysWorse = candidateTendsLarger == (result.better == .lower)
        let relative = Self.relativeChange(from: old, to: new)
        let significant = test.adjustedPValue < thresholds.alpha
        let changeText = "\(statistic.rawValue) \(Self.formatPercent(relative))"
        let pText = "\(Self.unitText(test))\(Self.formatP(test.adjustedPValue))\(correctionSuffix), "
            + "alpha \(Self.format(thresholds.alpha))"
        let allowed = "\(Self.formatPercent(sign * limit)) allowed"
        if significant && testSaysWorse && sign * relative > limit {
            let note = Self.scalingNote(metric: result.metric, benchmark: result.benchmark, old: old, new: new)
            return (.regressed, "\(changeText) exceeds the \(allowed) (\(pText))\(note)", nil)
        }
        if significant && !testSaysWorse && -sign * relative > limit {
            return (.improved, "\(changeText) improves beyond the \(Self.formatPercent(limit, signed: false)) limit (\(pText))", nil)
        }
        if significant {
            return (.unchanged, "\(changeText) is significant but within the \(allowed) (\(pText))", nil)
        }
        return (.unchanged, "no significant difference (\(pText)); \(changeText)", nil)
    }

    private var correctionSuffix: String { thresholds.correction == .holm ? " after Holm" : "" }

    /// `5 baseline runs, ` or `3 vs 3 processes, ` before the p-value; empty for sample-level tests.
    static func unitText(_ test: TestOutcome) -> String {
        let count = test.baselineCount ?? 0
        switch test.unit {
        case .sample: return ""
        case .block: return "\(test.candidateCount ?? 0) vs \(count) processes, "
        case .run: return "run-level t over \(count) baseline run\(count == 1 ? "" : "s"), "
        case .boot: return "boot-level t over \(count) boots, "
        }
    }

    /// A budget breach of the candidate, described, or nil when within budget (or no budget).
    func budgetBreach(candidate: SampleSummary, limits: ResolvedLimits, unit: String) -> String? {
        guard let budget = limits.budget else { return nil }
        let statistic = budget.statistic ?? limits.statistic
        let value = candidate.value(of: statistic)
        let shown = "\(statistic.rawValue) \(Self.format(value, unit: unit))"
        if let max = budget.max, value > max {
            return "\(shown) exceeds the budget of \(Self.format(max, unit: unit))"
        }
        if let min = budget.min, value < min {
            return "\(shown) is below the budget minimum of \(Self.format(min, unit: unit))"
        }
        return nil
    }

    /// (new − old) / old; when old is 0, ±infinity for any change (so any limit is exceeded) and 0 otherwise.
    static func relativeChange(from old: Double, to new: Double) -> Double {
        if old != 0 { return (new - old) / abs(old) }
        if new == old { return 0 }
        return new > old ? .infinity : -.infinity
    }
}
