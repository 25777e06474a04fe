import PerfGateReports

/// `bench thresholds`: prints the thresholds in force as the README's Markdown table.
enum ThresholdsCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["thresholds"],
        abstract: "Print the thresholds in force as a Markdown table.",
        discussion: """
            The README's thresholds table is this output for Benchmarks/thresholds.json; a test fails
            when they disagree. Paste the output between the README's thresholds markers after editing
            the file.
            """,
        options: [SharedOptions.thresholds, SharedOptions.output]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let thresholds = try ThresholdsLoader.load(explicitPath: arguments.value("thresholds"))
        let table = ThresholdsTable().render(thresholds)
        if let path = arguments.value("output"), path != "-" {
            try ResultsIO.writeText(table, to: path)
        } else {
            context.standardOutput.write(table)
        }
        return .success
    }
}
