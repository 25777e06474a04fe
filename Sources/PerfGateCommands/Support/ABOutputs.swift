import PerfGateComparison
import PerfGateResults

/// Writes what `bench ab` produced: the main report, the extra `--report` files, and the pooled
/// results of each side and every round of both (`--results-dir`).
enum ABOutputs {
    /// Writes the results folder first, then the extra reports, then the main report (to
    /// `--output` or standard output), so a CI step that reads the main report finds the others.
    /// - Throws: A results error when a file cannot be written.
    static func write(
        _ comparison: Comparison,
        measurements: ABMeasurements,
        options: ABOptions,
        builder: ABComparisonBuilder,
        arguments: ParsedArguments,
        context: CommandContext
    ) throws {
        if let folder = options.resultsFolder {
            for side in [ABRevision.Side.base, .head] {
                try ResultsFile.write(
                    builder.pooledResults(measurements, side: side),
                    to: "\(folder)/\(side.rawValue).json"
                )
            }
            try measurements.write(toFolder: folder)
        }
        for report in options.reports {
            try ResultsIO.writeText(
                ComparisonOutput.render(comparison, format: report.format, useColor: false),
                to: report.path
            )
        }
        let format = ReportFormat(rawValue: arguments.value("format") ?? "text") ?? .text
        try ComparisonOutput.emit(comparison, format: format, outputPath: arguments.value("output"), context: context)
    }
}
