import PerfGateResults
import PerfGateComparison

extension MarkdownReport {
    /// Longest benchmark id shown, in Unicode scalars (longer ids are cut in the middle).
    static let maxBenchmarkScalars = 200
    /// Longest metric name shown, in Unicode scalars.
    static let maxMetricScalars = 100
    /// Longest formatted value shown (the unit comes from the results file), in Unicode scalars.
    static let maxValueScalars = 60
    /// Longest reason shown, in Unicode scalars.
    static let maxReasonScalars = 500
    /// Longest warning shown, in Unicode scalars.
    static let maxWarningScalars = 1_000
    /// Longest path, run id or commit shown, in Unicode scalars.
    static let maxReferenceScalars = 200

    /// The sections of the report, in display order; the raw value is the index in ``sections(_:)``.
    enum SectionKind: Int, CaseIterable {
        case warnings, failures, inconclusive, improved, added, removed, unchanged
    }

    /// The order in which sections give up rows to fit the size limit: unchanged, improved, added,
    /// removed, inconclusive, warnings, and last regressions and budget breaches.
    static let dropOrder: [SectionKind] = [
        .unchanged, .improved, .added, .removed, .inconclusive, .warnings, .failures,
    ]

    /// The sections in display order (``SectionKind``): warnings, regressions and budget breaches,
    /// inconclusive, improved, added, removed, unchanged.
    static func sections(_ comparison: Comparison) -> [MarkdownSection] {
        let all = ReportRow.rows(for: comparison.results)
        func rows(_ statuses: Set<ComparisonStatus>) -> [ReportRow] { all.filter { statuses.contains($0.status) } }
        let unchanged = rows([.unchanged])
        return [
            MarkdownSection(
                heading: "> **Warnings**\n>\n",
                rows: comparison.warnings.map { "> - " + MarkdownEscaping.escaped($0, maxScalars: maxWarningScalars) },
                noun: "warnings"
            ),
            MarkdownSection(
                heading: "### Regressions and budget breaches\n\n" + tableHeader(withReason: true),
                rows: rows([.regressed, .overBudget]).map { tableRow($0, withReason: true) },
                noun: "regressions and budget breaches"
            ),
            MarkdownSection(
                heading: "### Inconclusive\n\n",
                rows: rows([.inconclusive]).map(listItem),
                noun: "inconclusive results"
            ),
            MarkdownSection(
                heading: "### Improvements\n\n" + tableHeader(withReason: false),
                rows: rows([.improved]).map { tableRow($0, withReason: false) },
                noun: "improved results"
            ),
            MarkdownSection(heading: "### Added\n\n", rows: rows([.added]).map(listItem), noun: "added results"),
            MarkdownSection(heading: "### Removed\n\n", rows: rows([.removed]).map(listItem), noun: "removed results"),
            MarkdownSection(
                heading: "<details><summary>\(DecimalFormatting.grouped(unchanged.count)) unchanged</summary>\n\n"
                    + tableHeader(withReason: false),
                rows: unchanged.map { tableRow($0, withReason: false) },
                trailer: "\n</details>\n",
                noun: "unchanged results"
            ),
        ]
    }

    /// The header and alignment rows of a results table.
    static func tableHeader(withReason: Bool) -> String {
        let reason = withReason ? " Reason |" : ""
        let alignment = withReason ? " --- |" : ""
        return "| Status | Benchmark | Metric | Statistic | Baseline → Candidate | Change | p (adj.) |\(reason)\n"
            + "| --- | --- | --- | --- | ---: | ---: | ---: |\(alignment)\n"
    }

    /// One table row; every cell escaped.
    static func tableRow(_ row: ReportRow, withReason: Bool) -> String {
        var cells = [
            row.status.markdownSymbol + " " + row.statusLabel,
            MarkdownEscaping.escaped(row.benchmark, maxScalars: maxBenchmarkScalars),
            MarkdownEscaping.escaped(row.metric, maxScalars: maxMetricScalars),
            row.statistic,
            MarkdownEscaping.escaped(row.baseline, maxScalars: maxValueScalars) + " → "
                + MarkdownEscaping.escaped(row.candidate, maxScalars: maxValueScalars),
            row.change,
            MarkdownEscaping.escaped(row.pValue, maxScalars: maxValueScalars),
        ]
        if withReason { cells.append(MarkdownEscaping.escaped(row.reason, maxScalars: maxReasonScalars)) }
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// `- ❔ benchmark · metric (p95): reason` for inconclusive; added and removed show the value of
    /// the side that exists instead of a reason.
    static func listItem(_ row: ReportRow) -> String {
        let subject =
            "- \(row.status.markdownSymbol) "
            + MarkdownEscaping.escaped(row.benchmark, maxScalars: maxBenchmarkScalars) + " · "
            + MarkdownEscaping.escaped(row.metric, maxScalars: maxMetricScalars)
        let detail =
            switch row.status {
            case .added: row.statistic + " " + MarkdownEscaping.escaped(row.candidate, maxScalars: maxValueScalars)
            case .removed: row.statistic + " " + MarkdownEscaping.escaped(row.baseline, maxScalars: maxValueScalars)
            default: MarkdownEscaping.escaped(row.reason, maxScalars: maxReasonScalars)
            }
        return detail.isEmpty ? subject : subject + ": " + detail
    }
}
