import PerfGateComparison
import PerfGateResults
import PerfGateStatistics

/// Comparisons built in code for the report tests (no results files, no statistics).
enum ComparisonFixtures {
    /// A summary whose statistics are all derived from `p50` by fixed factors.
    static func summary(p50: Double, count: Int = 30) -> SampleSummary {
        SampleSummary(
            count: count,
            min: p50 * 0.9,
            p50: p50,
            p90: p50 * 1.05,
            p95: p50 * 1.1,
            p99: p50 * 1.2,
            max: p50 * 1.3,
            mean: p50 * 1.01,
            stddev: p50 * 0.05
        )
    }

    /// One result; the change of the gated statistic is derived from the two summaries.
    static func result(
        _ benchmark: String,
        _ metric: String,
        unit: String = "seconds",
        better: Better = .lower,
        status: ComparisonStatus,
        gating: Bool = true,
        statistic: SummaryStatistic = .p50,
        baseline: Double?,
        candidate: Double?,
        adjustedPValue: Double? = 0.5,
        reason: String = ""
    ) -> MetricComparison {
        let baselineSummary = baseline.map { summary(p50: $0) }
        let candidateSummary = candidate.map { summary(p50: $0) }
        var change: [SummaryStatistic: Double] = [:]
        if let baselineSummary, let candidateSummary {
            let old = baselineSummary.value(of: statistic)
            if old != 0 { change[statistic] = (candidateSummary.value(of: statistic) - old) / old }
        }
        let test = adjustedPValue.map {
            TestOutcome(method: .asymptotic, u: 450, pValue: $0 / 2, adjustedPValue: $0)
        }
        return MetricComparison(
            benchmark: benchmark,
            metric: metric,
            unit: unit,
            better: better,
            status: status,
            gating: gating,
            statistic: statistic,
            baseline: baselineSummary,
            candidate: candidateSummary,
            change: change,
            test: baselineSummary == nil || candidateSummary == nil ? nil : test,
            shift: nil,
            limit: AppliedLimit(maxRegression: 0.10),
            reason: reason
        )
    }

    /// A comparison of `results` with fixed run references.
    static func comparison(
        _ results: [MetricComparison],
        verdict: Verdict? = nil,
        warnings: [String] = []
    ) -> Comparison {
        let fails = results.contains { $0.gating && $0.status.failsGate }
        return Comparison(
            verdict: verdict ?? (fails ? .fail : .pass),
            alpha: 0.01,
            correction: .holm,
            baseline: RunReference(
                path: "baselines/default.json",
                runId: "20261128T220000Z-1a2b3c4",
                commit: "1a2b3c4"
            ),
            candidate: RunReference(
                path: ".bench/results/candidate.json",
                runId: "20261129T012345Z-9f8e7d6",
                commit: nil
            ),
            warnings: warnings,
            results: results
        )
    }

    /// The four-row comparison the snapshot tests pin: one of each of unchanged, improved,
    /// over budget and regressed, listed in that (non-report) order.
    static let fourRows = comparison(
        [
            result(
                "agents/inference[agent=light]",
                "bytes_per_agent",
                unit: "bytes",
                status: .unchanged,
                baseline: 36_175_872,
                candidate: 36_200_000,
                adjustedPValue: 0.41
            ),
            result(
                "api/list",
                "throughput",
                unit: "per_second",
                better: .higher,
                status: .improved,
                baseline: 12_345,
                candidate: 14_000,
                adjustedPValue: 0.00003
            ),
            result(
                "api/list",
                "latency_seconds",
                status: .overBudget,
                statistic: .p95,
                baseline: 0.42,
                candidate: 0.46,
                adjustedPValue: 0.08,
                reason: "p95 506 ms is over the 500 ms budget"
            ),
            result(
                "coordination/contract-net[agents=50]",
                "round_seconds",
                status: .regressed,
                statistic: .p95,
                baseline: 0.0119,
                candidate: 0.013_636,
                adjustedPValue: 0.0019,
                reason: "p95 +14.6% exceeds the +10.0% allowed (p = 0.0019 after Holm, alpha 0.01)"
            ),
        ],
        warnings: ["environments differ: cpuModel"]
    )
}
