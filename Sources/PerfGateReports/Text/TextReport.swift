import PerfGateResults
public import PerfGateComparison

/// Renders a comparison as an aligned table for a terminal.
///
/// The report has, in order: the two runs compared; the comparison's warnings, one `warning:` line
/// each; a table with one row per result in ``ReportOrder``; and one summary line:
///
/// ```text
/// baseline:  baselines/default.json (run 20261128T220000Z-1a2b3c4, commit 1a2b3c4)
/// candidate: .bench/results/candidate.json (run 20261129T012345Z-9f8e7d6)
/// warning: environments differ: cpuModel
///
/// STATUS         BENCHMARK                             METRIC         STAT  BASELINE    CANDIDATE  CHANGE  P (ADJ)
/// ✗ regressed    coordination/contract-net[agents=50]  round_seconds  p95   13.1 ms  →    15.0 ms  +14.6%   0.0019
///                ↳ p95 +14.6% exceeds the +10.0% allowed (p = 0.0019 after Holm, alpha 0.01)
/// · unchanged    agents/inference[agent=light]         bytes          p50  34.5 MiB  →   34.5 MiB   +0.1%     0.41
///
/// FAIL: 1 regressed, 1 unchanged (alpha 0.01, Holm)
/// ```
///
/// Values are the gated statistic of each side (see ``ValueFormatter``), the change is that
/// statistic's relative change, and the p-value is the adjusted one. The reason of a regressed,
/// over-budget or inconclusive row goes on its own line under the row (`↳ …`), so long reasons
/// never push the table out of alignment; an inconclusive reason is said once, under the first row
/// that has it.
///
/// Text from the results files is shown on one line: line breaks become spaces, other control
/// characters (ESC among them) become `�`, and bidirectional overrides are removed, so a benchmark id
/// can neither move the cursor, colour the terminal nor read differently from what it is. Benchmark
/// ids and metric names too wide for their column are cut in the middle with `…`.
///
/// The renderer never reads the environment: the command layer decides `useColor` (a terminal, and
/// `NO_COLOR` unset) and `width`.
public struct TextReport: Sendable {
    /// Whether to use ANSI colours (SGR sequences).
    public var useColor: Bool
    /// The terminal's width in columns, or nil when unknown (output to a file or a pipe).
    public var width: Int?

    /// The widest a benchmark column gets when ``width`` is nil.
    public static let defaultMaxBenchmarkWidth = 80

    /// Creates a renderer.
    /// - Parameters:
    ///   - useColor: Whether to colour statuses, changes, warnings and the verdict.
    ///   - width: The terminal width in columns; benchmark ids (and then metric names) are cut so
    ///     rows fit, down to a floor of 16 columns for ids. Nil caps ids at
    ///     ``defaultMaxBenchmarkWidth`` columns.
    public init(useColor: Bool = false, width: Int? = nil) {
        self.useColor = useColor
        self.width = width
    }

    /// The report for `comparison`, ending with a newline.
    /// - Complexity: O(n) in the number of results and the length of their texts, plus O(n log n)
    ///   for ordering.
    public func render(_ comparison: Comparison) -> String {
        var lines = [
            "baseline:  " + describe(comparison.baseline),
            "candidate: " + describe(comparison.candidate),
        ]
        for warning in comparison.warnings {
            lines.append(
                ANSIStyle.boldYellow.apply(to: "warning:", when: useColor) + " " + SingleLine.sanitized(warning)
            )
        }
        lines.append("")
        let rows = ReportRow.rows(for: comparison.results)
        if rows.isEmpty {
            lines.append("No results to compare.")
        } else {
            lines.append(contentsOf: table(rows))
        }
        lines.append("")
        lines.append(summary(comparison))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The header line and one line per row, each failing or inconclusive row followed by its reason.
    /// - Complexity: O(n) in the number of rows and the length of their texts.
    private func table(_ rows: [ReportRow]) -> [String] {
        let cells = rows.map(TextTableCells.init)
        let layout = TextTableLayout(cells: cells, width: width)
        let reasonIndent = String(repeating: " ", count: layout.status + TextTableLayout.gap.count)
        var lines = [layout.line(.header)]
        lines.reserveCapacity(rows.count * 2 + 1)
        var explained = Set<String>()
        for (row, rowCells) in zip(rows, cells) {
            let style = useColor ? ANSIStyle.style(for: row) : nil
            let colorsChange = row.status == .regressed || row.status == .improved || row.status == .overBudget
            lines.append(layout.line(rowCells, statusStyle: style, changeStyle: colorsChange ? style : nil))
            // An inconclusive reason shared by many rows (wall time against another machine's
            // baseline) is said once, under the first of them.
            let isRepeat = row.status == .inconclusive && !explained.insert(row.reason).inserted
            if row.showsReason && !isRepeat { lines.append(reasonIndent + "↳ " + SingleLine.sanitized(row.reason)) }
        }
        return lines
    }

    /// `FAIL: 2 regressed, 1 over budget, 40 unchanged (alpha 0.01, Holm)`.
    func summary(_ comparison: Comparison) -> String {
        let verdict =
            comparison.verdict == .fail
            ? ANSIStyle.boldRed.apply(to: "FAIL", when: useColor)
            : ANSIStyle.boldGreen.apply(to: "PASS", when: useColor)
        let counts = StatusCounts(comparison.results)
        return "\(verdict): \(counts.phrase) (\(comparison.correction.describe(alpha: comparison.alpha)))"
    }

    /// `path (run id, commit abc)`, sanitized; the commit only when known.
    private func describe(_ run: RunReference) -> String {
        var details = ["run " + SingleLine.sanitized(run.runId)]
        if let commit = run.commit { details.append("commit " + SingleLine.sanitized(commit)) }
        return SingleLine.sanitized(run.path) + " (" + details.joined(separator: ", ") + ")"
    }
}
