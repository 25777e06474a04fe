import PerfGateResults
import PerfGateComparison
import PerfGateStatistics

/// The numbers behind one result, as the plain-text lines of a JUnit `<system-out>`.
///
/// ```text
/// status: regressed
/// statistic: p95
/// baseline: n=30 min 10.7 ms, p50 11.9 ms, p90 12.5 ms, p95 13.1 ms, p99 14.3 ms, max 15.5 ms, mean 12.0 ms, stddev 595 µs
/// candidate: n=30 …
/// change: p95 +14.6%
/// test: mann-whitney-u (asymptotic), U = 450, p = 0.00095, adjusted p = 0.0019 (alpha 0.01, Holm)
/// shift: +1.10 ms (99% interval +700 µs to +1.50 ms)
/// limit: max regression +10.0%
/// reason: p95 +14.6% exceeds the +10.0% allowed (p = 0.0019 after Holm, alpha 0.01)
/// ```
///
/// Lines whose data is missing (no test for added results, no shift, no limit) are left out.
/// The lines are not escaped.
enum JUnitNumbers {
    /// The statistics shown for each side, in this order.
    private static let statistics: [SummaryStatistic] = [.min, .p50, .p90, .p95, .p99, .max, .mean, .stddev]

    /// The symbol of a test's statistic: W⁺ for the Wilcoxon signed-rank test (`bench ab --method
    /// paired`), U for Mann–Whitney.
    static func statisticName(_ testName: String) -> String { testName.hasPrefix("wilcoxon") ? "W⁺" : "U" }

    /// `U = 450`, `W⁺ = 91`, or `t = 2.31 (df 4, unit run: 5 vs 1)`.
    static func testStatistic(_ test: TestOutcome) -> String {
        var text = ""
        if let u = test.u { text = "\(statisticName(test.name)) = \(number(u))" }
        if let t = test.t { text = "t = \(number(t))" + (test.degreesOfFreedom.map { " (df \($0))" } ?? "") }
        if test.unit != .sample {
            text += ", unit \(test.unit.rawValue): \(test.baselineCount ?? 0) vs \(test.candidateCount ?? 0)"
        }
        return text
    }

    static func lines(for result: MetricComparison, comparison: Comparison) -> [String] {
        var lines = ["status: \(result.status.rawValue)", "statistic: \(result.statistic.rawValue)"]
        if let baseline = result.baseline { lines.append("baseline: " + describe(baseline, unit: result.unit)) }
        if let candidate = result.candidate { lines.append("candidate: " + describe(candidate, unit: result.unit)) }
        let changes = SummaryStatistic.allCases.compactMap { statistic in
            result.change[statistic].map { "\(statistic.rawValue) \(ChangeFormatter.format($0))" }
        }
        if !changes.isEmpty { lines.append("change: " + changes.joined(separator: ", ")) }
        if let test = result.test {
            lines.append(
                "test: \(test.name) (\(test.method?.rawValue ?? "student-t")), \(testStatistic(test)), \(p(test.pValue)), "
                    + "adjusted \(p(test.adjustedPValue)) "
                    + "(\(comparison.correction.describe(alpha: comparison.alpha)))"
            )
        }
        if let shift = result.shift {
            let confidence = DecimalFormatting.significant(shift.confidence * 100, digits: 3)
            lines.append(
                "shift: \(signed(shift.estimate, unit: result.unit)) (\(confidence)% interval "
                    + "\(signed(shift.low, unit: result.unit)) to \(signed(shift.high, unit: result.unit)))"
            )
        }
        if let limit = result.limit, let text = describe(limit, unit: result.unit) { lines.append("limit: " + text) }
        if !result.reason.isEmpty { lines.append("reason: " + result.reason) }
        return lines
    }

    /// `n=30 min 10.7 ms, p50 11.9 ms, …`.
    private static func describe(_ summary: SampleSummary, unit: String) -> String {
        let values = statistics.map { "\($0.rawValue) \(ValueFormatter.format(summary.value(of: $0), unit: unit))" }
        return "n=\(summary.count) " + values.joined(separator: ", ")
    }

    /// `max regression +10.0%; budget p95 ≤ 500 ms`, or nil when no limit is set.
    private static func describe(_ limit: AppliedLimit, unit: String) -> String? {
        var parts: [String] = []
        if let maxRegression = limit.maxRegression {
            parts.append("max regression \(ChangeFormatter.format(maxRegression))")
        }
        let statistic = limit.budgetStatistic.map { $0.rawValue + " " } ?? ""
        if let budgetMax = limit.budgetMax {
            parts.append("budget \(statistic)≤ \(ValueFormatter.format(budgetMax, unit: unit))")
        }
        if let budgetMin = limit.budgetMin {
            parts.append("budget \(statistic)≥ \(ValueFormatter.format(budgetMin, unit: unit))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `p = 0.0019`, or `p < 0.0001` below ``PValueFormatter/floor``.
    private static func p(_ value: Double) -> String {
        let text = PValueFormatter.format(value)
        return text.hasPrefix("<") ? "p < " + text.dropFirst() : "p = " + text
    }

    /// `812.5`, or `812` for an integral value.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && value.magnitude < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// A value with an explicit `+` when positive: `+1.10 ms`.
    private static func signed(_ value: Double, unit: String) -> String {
        (value > 0 ? "+" : "") + ValueFormatter.format(value, unit: unit)
    }
}
