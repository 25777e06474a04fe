import PerfGateComparison
import PerfGateResults

/// `bench compare BASELINE CANDIDATE`: compares two results files and gates.
enum CompareCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["compare"],
        abstract: "Compare two results files and gate on regressions.",
        discussion: """
            Exit status: 0 when no gating result regressed or broke its budget, 1 when one did,
            2 when the tool could not do its job (unreadable or invalid input, bad thresholds).
            Wall-time metrics are judged with the run as the unit when the baseline joins several runs
            (`bench baseline record`) measured on this machine since its last boot; --history adds earlier
            runs. Against a baseline from other machines they are reported, not judged (inconclusive).
            """,
        options: [
            SharedOptions.thresholds,
            SharedOptions.format(ReportFormat.allCases.map(\.rawValue), help: "Report format (default: text)."),
            SharedOptions.output,
            SharedOptions.history,
        ],
        positionals: [
            PositionalSpec("baseline", help: "The reference results file (for example baselines/default.json)."),
            PositionalSpec("candidate", help: "The results file under test."),
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let format = ReportFormat(rawValue: arguments.value("format") ?? "text") ?? .text
        let thresholds = try ThresholdsLoader.load(explicitPath: arguments.value("thresholds"))
        let baselinePath = arguments.positionals[0]
        let candidatePath = arguments.positionals[1]
        let baseline = try ResultsIO.read(path: baselinePath)
        let candidate = try ResultsIO.read(path: candidatePath)
        let (history, warning) = try HistoryLoader.load(arguments.value("history"), suite: baseline.run.suite)
        var comparison = Comparator(thresholds: thresholds).compare(
            baseline: baseline, baselinePath: baselinePath, candidate: candidate, candidatePath: candidatePath,
            history: history
        )
        if let warning { comparison.warnings.append(warning) }
        try ComparisonOutput.emit(comparison, format: format, outputPath: arguments.value("output"), context: context)
        return comparison.verdict == .fail ? .gateFailed : .success
    }
}
