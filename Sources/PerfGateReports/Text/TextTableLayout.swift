/// Column widths of the terminal table, and the rendering of its rows.
///
/// Columns, separated by two spaces: status (symbol and word, left), benchmark (left), metric (left),
/// statistic (left), baseline (right), `→`, candidate (right), change (right), adjusted p-value
/// (right). Padding is computed on display width, and colour is applied after padding, so escape
/// sequences never disturb alignment.
struct TextTableLayout {
    /// Spaces between columns.
    static let gap = "  "
    /// The narrowest a benchmark column is cut to, however narrow the terminal.
    static let minimumBenchmarkWidth = 16
    /// The narrowest a metric column is cut to.
    static let minimumMetricWidth = 12
    /// The widest a metric column gets when the terminal width is unknown.
    static let defaultMaxMetricWidth = 40

    static let headers = (
        status: "STATUS", benchmark: "BENCHMARK", metric: "METRIC", statistic: "STAT",
        baseline: "BASELINE", candidate: "CANDIDATE", change: "CHANGE", pValue: "P (ADJ)"
    )

    var status: Int
    var benchmark: Int
    var metric: Int
    var statistic: Int
    var baseline: Int
    var candidate: Int
    var change: Int
    var pValue: Int

    /// Widths that fit every cell of `rows`, with the benchmark and metric columns cut to fit `width`.
    /// - Complexity: O(n) in the total length of the cells.
    init(rows: [ReportRow], width: Int?) {
        func widest(_ header: String, _ cell: (ReportRow) -> String) -> Int {
            rows.reduce(TerminalWidth.of(header)) { max($0, TerminalWidth.of(cell($1))) }
        }
        let headers = Self.headers
        status = widest(headers.status) { Self.statusCell($0) }
        benchmark = widest(headers.benchmark) { SingleLine.sanitized($0.benchmark) }
        metric = widest(headers.metric) { SingleLine.sanitized($0.metric) }
        statistic = widest(headers.statistic) { $0.statistic }
        baseline = widest(headers.baseline) { SingleLine.sanitized($0.baseline) }
        candidate = widest(headers.candidate) { SingleLine.sanitized($0.candidate) }
        change = widest(headers.change) { $0.change }
        pValue = widest(headers.pValue) { $0.pValue }
        fit(to: width)
    }

    /// Cuts the benchmark column, then the metric column, so a row fits `width` columns
    /// (or caps them at their defaults when `width` is nil).
    private mutating func fit(to width: Int?) {
        guard let width else {
            benchmark = min(benchmark, TextReport.defaultMaxBenchmarkWidth)
            metric = min(metric, Self.defaultMaxMetricWidth)
            return
        }
        // Nine columns, eight gaps, and the ` → ` column between baseline and candidate (1 + its gap).
        let fixed = status + statistic + baseline + 1 + candidate + change + pValue + 8 * Self.gap.count
        var excess = fixed + benchmark + metric - width
        guard excess > 0 else { return }
        let benchmarkCut = min(excess, max(0, benchmark - Self.minimumBenchmarkWidth))
        benchmark -= benchmarkCut
        excess -= benchmarkCut
        metric -= min(excess, max(0, metric - Self.minimumMetricWidth))
    }

    /// The header line and every row (with its reason line when it has one).
    func render(_ rows: [ReportRow], useColor: Bool) -> [String] {
        let headers = Self.headers
        var lines = [
            line(
                status: headers.status, benchmark: headers.benchmark, metric: headers.metric,
                statistic: headers.statistic, baseline: headers.baseline, arrow: " ",
                candidate: headers.candidate, change: headers.change, pValue: headers.pValue
            )
        ]
        lines.reserveCapacity(rows.count * 2 + 1)
        let reasonIndent = String(repeating: " ", count: status + Self.gap.count)
        for row in rows {
            lines.append(render(row, useColor: useColor))
            if row.showsReason {
                lines.append(reasonIndent + "↳ " + SingleLine.sanitized(row.reason))
            }
        }
        return lines
    }

    /// One table row, coloured when `useColor` is set.
    private func render(_ row: ReportRow, useColor: Bool) -> String {
        let style = ANSIStyle.style(for: row)
        let colorsChange = row.status == .regressed || row.status == .improved || row.status == .overBudget
        return line(
            status: Self.statusCell(row), benchmark: SingleLine.sanitized(row.benchmark),
            metric: SingleLine.sanitized(row.metric), statistic: row.statistic,
            baseline: SingleLine.sanitized(row.baseline), arrow: "→", candidate: SingleLine.sanitized(row.candidate),
            change: row.change, pValue: row.pValue,
            styles: (status: useColor ? style : nil, change: useColor && colorsChange ? style : nil)
        )
    }

    /// Pads (and cuts) each cell to its column and joins them; trailing spaces are trimmed.
    private func line(
        status statusText: String, benchmark benchmarkText: String, metric metricText: String,
        statistic statisticText: String, baseline baselineText: String, arrow: String,
        candidate candidateText: String, change changeText: String, pValue pValueText: String,
        styles: (status: ANSIStyle?, change: ANSIStyle?) = (nil, nil)
    ) -> String {
        // Colour wraps the text only; padding is computed on the plain text and stays outside.
        let statusPadding = String(repeating: " ", count: max(0, status - TerminalWidth.of(statusText)))
        let statusCell = (styles.status?.apply(to: statusText, when: true) ?? statusText) + statusPadding
        let changePadding = String(repeating: " ", count: max(0, change - TerminalWidth.of(changeText)))
        let changeCell = changePadding + (styles.change?.apply(to: changeText, when: true) ?? changeText)
        let cells = [
            statusCell,
            TerminalWidth.padding(TerminalWidth.truncatingMiddle(benchmarkText, toWidth: benchmark), toWidth: benchmark),
            TerminalWidth.padding(TerminalWidth.truncatingMiddle(metricText, toWidth: metric), toWidth: metric),
            TerminalWidth.padding(statisticText, toWidth: statistic),
            TerminalWidth.leftPadding(baselineText, toWidth: baseline),
            arrow,
            TerminalWidth.leftPadding(candidateText, toWidth: candidate),
            changeCell,
            TerminalWidth.leftPadding(pValueText, toWidth: pValue),
        ]
        var text = cells.joined(separator: Self.gap)
        while text.last == " " { text.removeLast() }
        return text
    }

    /// `✗ regressed`, `✗ over budget (not gating)`, …
    static func statusCell(_ row: ReportRow) -> String {
        row.status.textSymbol + " " + row.statusLabel
    }
}
