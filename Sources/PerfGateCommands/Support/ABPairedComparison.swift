import Foundation
import PerfGateComparison
import PerfGateResults
import PerfGateStatistics

/// The paired decision of `bench ab --method paired`: per round, the head block against its
/// neighbouring base block, tested with the Wilcoxon signed-rank test.
///
/// Starts from the pooled comparison (summaries, relative changes, budgets, added and removed are
/// the same) and replaces the significance test of every metric present on both sides:
/// - the differences are `ABMeasurements.pairedDifferences` (log-ratios of the block medians), one
///   per round, so a slow phase of the machine that hits both blocks of a round cancels out;
/// - the test is two-sided Wilcoxon signed-rank (`test.name` `wilcoxon-signed-rank`; `test.u`
///   holds W⁺, the rank sum of the rounds in which the head was larger), Holm-adjusted over the
///   same gating family as `bench compare`;
/// - `inconclusive` when the rounds are too few for any p-value to reach alpha (2 / 2ᴷ ≥ alpha);
///   `regressed` when significant in the worse direction **and** the pooled change of the gated
///   statistic is beyond its limit (the contract's rule); `improved` the mirror image.
enum ABPairedComparison {
    /// The paired version of `pooled`.
    /// - Complexity: O(metrics × rounds × log).
    static func compare(pooled: Comparison, measurements: ABMeasurements, thresholds: Thresholds) -> Comparison {
        var results = pooled.results
        var tests: [Int: WilcoxonSignedRankResult] = [:]
        var rounds: [Int: Int] = [:]
        for index in results.indices where results[index].test != nil {
            let differences = ABMeasurements.pairedDifferences(
                base: measurements.base,
                head: measurements.head,
                benchmark: results[index].benchmark,
                metric: results[index].metric
            )
            tests[index] = WilcoxonSignedRank.test(differences: differences)
            rounds[index] = differences.count
        }
        let family = results.indices.filter { results[$0].gating && tests[$0] != nil }
        // Non-gating results, and every result without a correction, keep their raw p-value.
        var adjusted: [Int: Double] = [:]
        if thresholds.correction == .holm {
            let values = HolmBonferroni.adjustedPValues(family.map { tests[$0]!.pValue })  // Family ⊆ keys.
            for (index, value) in zip(family, values) { adjusted[index] = value }
        }
        for (index, test) in tests {
            let adjustedPValue = adjusted[index] ?? test.pValue
            results[index].test = TestOutcome(
                name: "wilcoxon-signed-rank",
                method: test.method == .exact ? .exact : .asymptotic,
                u: test.plusRankSum,
                pValue: test.pValue,
                adjustedPValue: adjustedPValue
            )
            guard results[index].status != .overBudget else { continue }
            let decision = decide(results[index], test: test, rounds: rounds[index] ?? 0, thresholds: thresholds)
            results[index].status = decision.status
            results[index].reason = decision.reason
            results[index].samplesNeeded = decision.roundsNeeded
        }
        results.sort(by: reportOrder)
        var comparison = pooled
        comparison.results = results
        comparison.verdict = results.contains { $0.gating && $0.status.failsGate } ? .fail : .pass
        return comparison
    }

    /// The status of one metric from its paired test, and the sentence that explains it.
    static func decide(
        _ result: MetricComparison,
        test: WilcoxonSignedRankResult,
        rounds: Int,
        thresholds: Thresholds
    ) -> (status: ComparisonStatus, reason: String, roundsNeeded: Int?) {
        let alpha = thresholds.alpha
        let smallest = WilcoxonSignedRank.smallestTwoSidedPValue(count: rounds)
        if smallest >= alpha {
            let needed = WilcoxonSignedRank.minimumCount(toReach: alpha)
            let reason =
                "\(rounds) paired rounds cannot reach p < \(format(alpha)) (smallest possible p = "
                + "\(format(smallest))); use at least \(needed) rounds (--rounds \(needed))"
            return (.inconclusive, reason, needed)
        }
        let adjusted = result.test?.adjustedPValue ?? test.pValue
        let limit = result.limit?.maxRegression ?? 0
        let sign: Double = result.better == .lower ? 1 : -1
        let relative = relativeChange(result)
        let headTendsLarger = test.plusRankSum > Double(test.count * (test.count + 1)) / 4
        let worse = headTendsLarger == (result.better == .lower)
        let significant = adjusted < alpha && test.count > 0
        let change = "\(result.statistic.rawValue) \(percent(relative))"
        let pText =
            "Wilcoxon signed-rank over \(rounds) paired rounds, p = \(format(adjusted))"
            + "\(thresholds.correction == .holm ? " after Holm" : ""), alpha \(format(alpha))"
        if significant && worse && sign * relative > limit {
            return (.regressed, "\(change) exceeds the \(percent(sign * limit)) allowed (\(pText))", nil)
        }
        if significant && !worse && -sign * relative > limit {
            return (.improved, "\(change) improves beyond the \(percent(limit, signed: false)) limit (\(pText))", nil)
        }
        if significant {
            return (
                .unchanged, "\(change) is significant but within the \(percent(sign * limit)) allowed (\(pText))", nil
            )
        }
        return (.unchanged, "no significant difference (\(pText)); \(change)", nil)
    }

    /// The pooled relative change of the gated statistic; ±infinity when the base is 0 and the head is not.
    static func relativeChange(_ result: MetricComparison) -> Double {
        guard let old = result.baseline?.value(of: result.statistic),
            let new = result.candidate?.value(of: result.statistic)
        else { return 0 }
        if old != 0 { return (new - old) / abs(old) }
        return new == old ? 0 : (new > old ? .infinity : -.infinity)
    }

    /// Failing results first, then budget breaches, regressions, inconclusive, improvements, added,
    /// removed, unchanged; then by benchmark and metric (the order of `bench compare`).
    static func reportOrder(_ lhs: MetricComparison, _ rhs: MetricComparison) -> Bool {
        let ranks: [ComparisonStatus] = [
            .overBudget, .regressed, .inconclusive, .improved, .added, .removed, .unchanged,
        ]
        let left = (lhs.gating && lhs.status.failsGate ? 0 : 1, ranks.firstIndex(of: lhs.status) ?? 7)
        let right = (rhs.gating && rhs.status.failsGate ? 0 : 1, ranks.firstIndex(of: rhs.status) ?? 7)
        if left != right { return left < right }
        if lhs.benchmark != rhs.benchmark { return lhs.benchmark < rhs.benchmark }
        return lhs.metric < rhs.metric
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.4g", value)
    }

    private static func percent(_ ratio: Double, signed: Bool = true) -> String {
        guard ratio.isFinite else { return ratio > 0 ? "+∞%" : "-∞%" }
        return String(format: signed ? "%+.1f%%" : "%.1f%%", ratio * 100)
    }
}
