import Foundation
import PerfGateComparison
import PerfGateResults

/// `bench` with no subcommand: run the suite, then gate it against `baselines/<suite>.json`.
enum DefaultCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: [],
        abstract: "Run the default suite and gate it against baselines/default.json.",
        discussion: """
            Equivalent to `bench run --instructions` (when valgrind is installed; --no-instructions skips
            it) followed, when baselines/<suite>.json exists, by `bench compare baselines/<suite>.json
            <new results>`. Instruction counts are the same on every machine of a kind, so they gate CPU
            work against a baseline from another machine, where wall time is reported but not judged.
            Exit status as `bench compare`; 2 when a scenario crashed or an input is invalid.
            """,
        options: RunOptions.declarations + [
            SharedOptions.thresholds,
            SharedOptions.format(ReportFormat.allCases.map(\.rawValue), help: "Report format (default: text)."),
            SharedOptions.output,
            SharedOptions.history,
            RunOptions.noInstructions,
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let options = try RunOptions(arguments)
        let thresholds = try ThresholdsLoader.load(explicitPath: arguments.value("thresholds"))
        let baselinePath = "baselines/\(options.suite.name).json"
        let hasBaseline = FileManager.default.fileExists(atPath: baselinePath)
        let baseline = hasBaseline ? try ResultsIO.read(path: baselinePath) : nil
        // Read before the run, so a bad history file fails at once rather than after the measurement.
        let (history, warning) = try HistoryLoader.load(arguments.value("history"), suite: options.suite.name)
        let (path, runStatus) = try await RunCommand.runAndWrite(
            options: options, outputPath: nil, context: context, countInstructions: !arguments.flag("no-instructions")
        )
        guard let baseline else {
            context.standardOutput.write(
                "no baseline at \(baselinePath): nothing to gate against. Make one from this run with\n"
                    + "  swift run -c release bench baseline save \(path)\nand commit it.\n"
            )
            return runStatus
        }
        let candidate = try ResultsIO.read(path: path)
        var comparison = Comparator(thresholds: thresholds).compare(
            baseline: baseline, baselinePath: baselinePath, candidate: candidate, candidatePath: path, history: history
        )
        if let warning { comparison.warnings.append(warning) }
        let format = ReportFormat(rawValue: arguments.value("format") ?? "text") ?? .text
        try ComparisonOutput.emit(comparison, format: format, outputPath: arguments.value("output"), context: context)
        if runStatus == .failure { return .failure }
        return comparison.verdict == .fail ? .gateFailed : .success
    }
}
