/// Column widths of the terminal table, and the rendering of its lines.
///
/// Columns, separated by two spaces: status (symbol and word, left), benchmark (left), metric (left),
/// statistic (left), baseline (right), `→`, candidate (right), change (right), adjusted p-value
/// (right). Widths are display widths (see `TerminalWidth`). Colour wraps the text of a cell only and
/// padding is computed on the plain text, so escape sequences never disturb alignment.
struct TextTableLayout {
    /// Spaces between columns.
    static let gap = "  "
    /// The narrowest a benchmark column is cut to, however narrow the terminal.
    static let minimumBenchmarkWidth = 16
    /// The narrowest a metric column is cut to.
    static let minimumMetricWidth = 12
    /// The widest a metric column gets when the terminal width is unknown.
    static let defaultMaxMetricWidth = 40

    /// Column widths, in terminal columns.
    var status: Int
    var benchmark: Int
    var metric: Int
    var statistic: Int
    var baseline: Int
    var candidate: Int
    var change: Int
    var pValue: Int

    /// Widths that fit the header and every line of `cells`, with the benchmark and metric columns
    /// cut to fit `width` (see ``fit(to:)``).
    /// - Complexity: O(n) in the total length of the cells.
    init(cells: [TextTableCells], width: Int?) {
        func widest(_ text: (TextTableCells) -> String) -> Int {
            cells.reduce(TerminalWidth.of(text(.header))) { max($0, TerminalWidth.of(text($1))) }
        }
        status = widest(\.status)
        benchmark = widest(\.benchmark)
        metric = widest(\.metric)
        statistic = widest(\.statistic)
        baseline = widest(\.baseline)
        candidate = widest(\.candidate)
        change = widest(\.change)
        pValue = widest(\.pValue)
        fit(to: width)
    }

    /// Cuts the benchmark column, then the metric column, so a line fits `width` columns, but not
    /// below their minimums; with `width` nil, caps them at their defaults.
    private mutating func fit(to width: Int?) {
        guard let width else {
            benchmark = min(benchmark, TextReport.defaultMaxBenchmarkWidth)
            metric = min(metric, Self.defaultMaxMetricWidth)
            return
        }
        // Nine columns, eight gaps; the arrow column is one wide.
        let fixed = status + statistic + baseline + 1 + candidate + change + pValue + 8 * Self.gap.count
        var excess = fixed + benchmark + metric - width
        guard excess > 0 else { return }
        let benchmarkCut = min(excess, max(0, benchmark - Self.minimumBenchmarkWidth))
        benchmark -= benchmarkCut
        excess -= benchmarkCut
        metric -= min(excess, max(0, metric - Self.minimumMetricWidth))
    }

    /// One line of the table: each cell cut and padded to its column; trailing spaces trimmed.
    /// - Parameters:
    ///   - cells: The texts.
    ///   - statusStyle: The colour of the status text, or nil for none.
    ///   - changeStyle: The colour of the change text, or nil for none.
    func line(_ cells: TextTableCells, statusStyle: ANSIStyle? = nil, changeStyle: ANSIStyle? = nil) -> String {
        let parts = [
            Self.styled(cells.status, statusStyle) + Self.spaces(status - TerminalWidth.of(cells.status)),
            TerminalWidth.padding(
                TerminalWidth.truncatingMiddle(cells.benchmark, toWidth: benchmark),
                toWidth: benchmark
            ),
            TerminalWidth.padding(TerminalWidth.truncatingMiddle(cells.metric, toWidth: metric), toWidth: metric),
            TerminalWidth.padding(cells.statistic, toWidth: statistic),
            TerminalWidth.leftPadding(cells.baseline, toWidth: baseline),
            cells.arrow,
            TerminalWidth.leftPadding(cells.candidate, toWidth: candidate),
            Self.spaces(change - TerminalWidth.of(cells.change)) + Self.styled(cells.change, changeStyle),
            TerminalWidth.leftPadding(cells.pValue, toWidth: pValue),
        ]
        var text = parts.joined(separator: Self.gap)
        while text.last == " " { text.removeLast() }
        return text
    }

    /// `text` wrapped in `style`, or `text` when `style` is nil.
    private static func styled(_ text: String, _ style: ANSIStyle?) -> String {
        style?.apply(to: text, when: true) ?? text
    }

    /// `count` spaces (none when `count` is negative).
    private static func spaces(_ count: Int) -> String {
        String(repeating: " ", count: max(0, count))
    }
}
