import Dispatch
import Foundation
import PerfGateResults
import PerfGateTrend
import Synchronization

/// `bench trend PATH…`: the history of many results files, with change points, as Markdown + SVG,
/// HTML or JSON.
enum TrendCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["trend"],
        abstract: "Chart the history of results files and find where performance changed.",
        discussion: """
            PATH is a results file or a folder of them (*.json directly inside). Runs are ordered by
            run.startedAt. For each benchmark and metric, the series of p50 values (with the p5-p95
            band) is searched for change points with e-divisive means and a seeded permutation test.

            --output DIR (an existing folder, or a path ending in /) writes trend.md with charts/*.svg,
            trend.html and trend.json there; with --format, only that format (markdown includes its
            charts). Otherwise the one --format (default markdown, which then has no charts) goes to
            --output FILE or standard output; --format svg then needs exactly one series.
            """,
        options: [
            SharedOptions.format(TrendFiles.Output.allCases.map(\.rawValue), help: "Report format (default: markdown)."),
            OptionSpec(
                "output", short: "o", value: "FILE-or-DIR",
                help: "Write to FILE, or every format into the folder DIR (see below); - for standard output."
            ),
            SharedOptions.filter,
            OptionSpec("metric", value: "NAME", help: "Only this metric (repeat or comma-separate for several)."),
            SharedOptions.seed,
            OptionSpec("alpha", value: "P", help: "Significance level of a change point (default 0.01)."),
            OptionSpec("permutations", value: "N", help: "Permutations per significance test (default 199)."),
            SharedOptions.quiet,
        ],
        positionals: [
            PositionalSpec("paths", help: "Results files or folders of them.", repeating: true)
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let started = ContinuousClock.now
        let format = arguments.value("format").flatMap(TrendFiles.Output.init(rawValue:))
        let detector = EDivisiveDetector(
            alpha: try arguments.number("alpha", in: 1e-6...0.5) ?? 0.01,
            permutations: try arguments.integer("permutations", in: 1...100_000) ?? 199,
            seed: UInt64(try arguments.integer("seed", in: 0...Int.max) ?? 42)
        )
        let files = try ResultsIO.resultsFiles(in: arguments.positionals)
        let inputs = try readAll(files)
        let read = ContinuousClock.now
        let report = TrendReport(inputs: inputs, selection: try selection(arguments), detector: detector)
        let analysed = ContinuousClock.now
        if report.series.isEmpty {
            throw CommandError(
                "\(files[0]): no benchmark metric matches --filter/--metric in the \(files.count) results files; "
                    + "check the pattern and metric names"
            )
        }
        let output = arguments.value("output")
        let wrote: String
        if let output, output != "-", isFolder(output) {
            let outputs: Set<TrendFiles.Output> = format.map { [$0] } ?? Set(TrendFiles.Output.allCases)
            let paths = try TrendFiles.write(report, to: output, outputs: outputs)
            wrote = "wrote \(paths.count) files into \(output)"
        } else {
            let text = try render(report, format: format ?? .markdown)
            if let output, output != "-" {
                try ResultsIO.writeText(text, to: output)
                wrote = "wrote \(output)"
            } else {
                context.standardOutput.write(text)
                wrote = ""
            }
        }
        for warning in report.warnings { context.standardError.write("bench trend: warning: \(warning)\n") }
        if !wrote.isEmpty && !arguments.flag("quiet") {
            let finished = ContinuousClock.now
            context.standardError.write(
                "bench trend: \(report.runs.count) runs, \(report.series.count) series, "
                    + "\(report.changePointCount) change points; \(wrote) in \(seconds(started, finished)) s "
                    + "(read \(seconds(started, read)) s, analysed \(seconds(read, analysed)) s, "
                    + "rendered and wrote \(seconds(analysed, finished)) s)\n"
            )
        }
        return .success
    }

    /// The time from `start` to `end` in seconds, two decimals.
    private static func seconds(_ start: ContinuousClock.Instant, _ end: ContinuousClock.Instant) -> String {
        let elapsed = (end - start).components
        return String(format: "%.2f", Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }

    /// Reads and validates every file, several at a time; the first failing file (in `files` order)
    /// is the error reported.
    private static func readAll(_ files: [String]) throws -> [(path: String, results: BenchmarkResults)] {
        let slots = Mutex([Result<BenchmarkResults, ResultsError>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result = Result { () throws(ResultsError) in try ResultsIO.read(path: files[index]) }
            slots.withLock { $0[index] = result }
        }
        let results = slots.withLock { $0 }
        return try zip(files, results).map { file, result in (file, try result!.get()) }
    }

    /// The report in one format, as one text.
    private static func render(_ report: TrendReport, format: TrendFiles.Output) throws -> String {
        switch format {
        case .markdown:
            return TrendMarkdown().render(report)
                + "\nCharts are written with `--output DIR` (trend.md with charts/*.svg, trend.html).\n"
        case .html: return TrendHTML().render(report)
        case .json: return TrendJSON.serialized(report)
        case .svg:
            guard report.series.count == 1 else {
                throw UsageError(
                    "--format svg to one file needs exactly one series, found \(report.series.count); narrow with "
                        + "--filter and --metric, or pass --output DIR",
                    command: spec.commandName
                )
            }
            return TrendChart().svg(for: report.series[0], runs: report.runs)
        }
    }

    private static func selection(_ arguments: ParsedArguments) throws -> TrendSelection {
        let metrics = (arguments.values["metric"] ?? []).flatMap { $0.split(separator: ",") }.map {
            String($0.trimmingSpaces)
        }
        return TrendSelection(
            benchmarks: arguments.value("filter").map(GlobPattern.init),
            metrics: metrics.isEmpty ? nil : Set(metrics)
        )
    }


    /// Whether `path` means a folder: it ends with `/` or is an existing directory.
    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return path.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }
}
