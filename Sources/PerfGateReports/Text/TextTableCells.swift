/// The texts of one line of the terminal table, already made single-line and safe for a terminal.
struct TextTableCells {
    var status: String
    var benchmark: String
    var metric: String
    var statistic: String
    var baseline: String
    /// `→` on rows, blank on the header.
    var arrow: String
    var candidate: String
    var change: String
    var pValue: String

    /// The header line's texts.
    static let header = TextTableCells(
        status: "STATUS",
        benchmark: "BENCHMARK",
        metric: "METRIC",
        statistic: "STAT",
        baseline: "BASELINE",
        arrow: " ",
        candidate: "CANDIDATE",
        change: "CHANGE",
        pValue: "P (ADJ)"
    )
}

extension TextTableCells {
    /// The cells of `row`, with text from the results files sanitized (see `SingleLine`).
    init(_ row: ReportRow) {
        self.init(
            status: row.status.textSymbol + " " + row.statusLabel,
            benchmark: SingleLine.sanitized(row.benchmark),
            metric: SingleLine.sanitized(row.metric),
            statistic: row.statistic,
            baseline: SingleLine.sanitized(row.baseline),
            arrow: "→",
            candidate: SingleLine.sanitized(row.candidate),
            change: row.change,
            pValue: row.pValue
        )
    }
}
