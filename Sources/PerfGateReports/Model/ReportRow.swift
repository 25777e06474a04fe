import PerfGateResults
import PerfGateComparison
import PerfGateStatistics

/// One result with every cell already formatted, before any escaping; shared by the renderers.
///
/// Texts in here may come from a results file (benchmark, metric, unit, reason): each renderer
/// sanitizes or escapes them for its own output.
struct ReportRow {
    var status: ComparisonStatus
    var isGating: Bool
    var benchmark: String
    var metric: String
    /// The gated statistic (`p95`).
    var statistic: String
    /// The gated statistic of the baseline, with its unit; `—` when added.
    var baseline: String
    /// The gated statistic of the candidate, with its unit; `—` when removed.
    var candidate: String
    /// Signed relative change of the gated statistic (`+14.5%`), or `—`.
    var change: String
    /// Adjusted p-value (`0.0019`, `<0.0001`), or `—`.
    var pValue: String
    var reason: String

    /// Formats `result`'s gated statistic, change and adjusted p-value.
    init(_ result: MetricComparison) {
        status = result.status
        isGating = result.gating
        benchmark = result.benchmark
        metric = result.metric
        statistic = result.statistic.rawValue
        baseline = Self.value(of: result.statistic, in: result.baseline, unit: result.unit)
        candidate = Self.value(of: result.statistic, in: result.candidate, unit: result.unit)
        change = ChangeFormatter.format(result.change[result.statistic])
        pValue = PValueFormatter.format(result.test?.adjustedPValue)
        reason = result.reason
    }

    /// Whether this row fails the gate (gating, and regressed or over budget).
    var failsGate: Bool { isGating && status.failsGate }

    /// Whether the reason is worth showing: failing statuses (gating or not) and inconclusive.
    var showsReason: Bool {
        (status.failsGate || status == .inconclusive) && !reason.isEmpty
    }

    /// The status label, marked when a failing status does not gate: `regressed (not gating)`.
    var statusLabel: String {
        status.failsGate && !isGating ? status.label + " (not gating)" : status.label
    }

    /// Rows for `results`, in ``ReportOrder``.
    static func rows(for results: [MetricComparison]) -> [ReportRow] {
        ReportOrder.sorted(results).map(ReportRow.init)
    }

    private static func value(of statistic: SummaryStatistic, in summary: SampleSummary?, unit: String) -> String {
        guard let summary else { return ChangeFormatter.missing }
        return ValueFormatter.format(summary.value(of: statistic), unit: unit)
    }
}
