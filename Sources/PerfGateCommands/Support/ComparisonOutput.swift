import PerfGateComparison
import PerfGateReports

/// The formats `bench compare`, `bench` and `bench ab` can write.
enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json
    case junit
}

/// Renders a comparison and writes it where the user asked.
enum ComparisonOutput {
    /// Writes `comparison` in `format` to `outputPath` (atomically) or standard output.
    ///
    /// When the report goes to a file, the text summary line still goes to standard error, so
    /// a CI log shows the verdict.
    static func emit(_ comparison: Comparison, format: ReportFormat, outputPath: String?, context: CommandContext) throws {
        let toFile = outputPath != nil && outputPath != "-"
        let useColor = !toFile && format == .text && context.usesColor(on: context.standardOutput)
        let rendered = render(comparison, format: format, useColor: useColor)
        if let outputPath, toFile {
            try ResultsIO.writeText(rendered, to: outputPath)
            context.standardError.write(summaryLine(comparison) + " (report written to \(outputPath))\n")
        } else {
            context.standardOutput.write(rendered)
        }
    }

    /// The report text in `format`.
    static func render(_ comparison: Comparison, format: ReportFormat, useColor: Bool) -> String {
        switch format {
        case .text: TextReport(useColor: useColor).render(comparison)
        case .markdown: MarkdownReport().render(comparison)
        case .json: ComparisonJSON.serialized(comparison)
        case .junit: JUnitReport().render(comparison)
        }
    }

    /// The text report's last line: the verdict and counts.
    static func summaryLine(_ comparison: Comparison) -> String {
        let text = TextReport(useColor: false).render(comparison)
        return text.split(separator: "\n").last.map(String.init) ?? comparison.verdict.rawValue
    }
}
