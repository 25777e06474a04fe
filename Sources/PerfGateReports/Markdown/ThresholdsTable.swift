public import PerfGateResults

/// The README's thresholds table: one Markdown row per rule of a thresholds file.
///
/// The README embeds this table between `<!-- thresholds:begin -->` and `<!-- thresholds:end -->`,
/// and a test fails when the README and `Benchmarks/thresholds.json` disagree, so the documented
/// numbers are always the enforced ones.
public struct ThresholdsTable: Sendable {
    /// Creates the renderer.
    public init() {}

    /// The Markdown table for `thresholds`, ending with a newline.
    public func render(_ thresholds: Thresholds) -> String {
        var lines = [
            "Significance level alpha = \(thresholds.alpha), family-wise correction: \(thresholds.correction.rawValue).",
            "",
            "| benchmarks | metric | gated statistic | max regression | budget | gating | why |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        lines.append(row(thresholds.defaults, isDefaults: true))
        lines += thresholds.rules.map { row($0, isDefaults: false) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ rule: ThresholdRule, isDefaults: Bool) -> String {
        let match = isDefaults ? "(defaults)" : "`\(rule.match ?? "*")`"
        let metric = rule.metric.map { "`\($0)`" } ?? "all"
        let statistic = rule.statistic?.rawValue ?? "—"
        let regression = rule.maxRegression.map { "+\(percent($0))" } ?? "—"
        let gating = rule.gating.map { $0 ? "yes" : "no" } ?? "—"
        let cells = [match, metric, statistic, regression, budget(rule.budget), gating, rule.reason ?? ""]
        return "| " + cells.map(escape).joined(separator: " | ") + " |"
    }

    private func budget(_ budget: Budget?) -> String { Self.budgetText(budget) }

    /// A budget as text: `p95 ≤ 0.5`, with ` unit` after each bound when given, both bounds
    /// separated by a comma; `—` without a budget.
    public static func budgetText(_ budget: Budget?, unit: String? = nil) -> String {
        guard let budget else { return "—" }
        let statistic = budget.statistic?.rawValue ?? "gated statistic"
        let suffix = unit.map { " " + $0 } ?? ""
        var bounds: [String] = []
        if let max = budget.max { bounds.append("\(statistic) ≤ \(number(max))\(suffix)") }
        if let min = budget.min { bounds.append("\(statistic) ≥ \(number(min))\(suffix)") }
        return bounds.joined(separator: ", ")
    }

    private func percent(_ ratio: Double) -> String {
        let value = (ratio * 1000).rounded() / 10
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Keeps a cell inside its column: `|` escaped, line breaks as spaces.
    private func escape(_ cell: String) -> String {
        var escaped = ""
        for character in cell {
            switch character {
            case "|": escaped += "\\|"
            case "\n", "\r", "\r\n": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
