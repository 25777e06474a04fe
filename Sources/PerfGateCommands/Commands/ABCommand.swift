import Foundation
import PerfGateComparison
import PerfGateResults

/// `bench ab --base REV`: builds two revisions and compares them on this machine, interleaved.
enum ABCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["ab"],
        abstract: "Build two revisions and compare them on this machine in interleaved A/B rounds.",
        discussion: """
            Builds `bench` of the base revision (git worktree in a temporary folder, release build, kept in
            .bench/ab/<commit>/) and of the head (the working tree unless --head is given), then measures each
            benchmark on both sides in alternating blocks (A B, then B A, round after round), seconds apart, so
            that the machine's slow and fast phases hit both sides alike. Both sides run the scenario catalog
            of the current folder. --method paired (the default) tests the per-round log-ratios of block
            medians with the Wilcoxon signed-rank test; --method pooled pools each side's samples and decides
            as `bench compare` does, with the round as the unit of wall-time metrics. Exit status as `bench compare`: 0 pass, 1 regression,
            2 when a side fails to build or run (the message names the side).
            """,
        options: [
            OptionSpec("base", value: "REV", help: "The revision to compare against (commit, branch, tag, HEAD~1)."),
            OptionSpec("head", value: "REV", help: "The revision under test (default: the working tree as it is)."),
            OptionSpec("rounds", value: "K", help: "Interleaved rounds (default \(ABOptions.defaultRounds))."),
            OptionSpec(
                "method",
                value: "METHOD",
                help: "How the rounds are compared (default \(ABOptions.defaultMethod.rawValue)).",
                allowed: ABOptions.Method.allCases.map(\.rawValue)
            ),
            SharedOptions.thresholds,
            SharedOptions.format(ReportFormat.allCases.map(\.rawValue), help: "Report format (default: text)."),
            SharedOptions.output,
            OptionSpec(
                "report",
                value: "FORMAT=FILE",
                help: "Also write the report in FORMAT to FILE (repeatable), e.g. --report json=comparison.json."
            ),
            OptionSpec(
                "replay", value: "DIR", help: "Re-decide the rounds saved by --results-dir DIR; no build.",
                hidden: true
            ),
            OptionSpec(
                "results-dir",
                value: "DIR",
                help: "Also write each side's pooled results (DIR/base.json, DIR/head.json) and every round (DIR/rounds/)."
            ),
        ] + RunOptions.declarations.map(ABOptions.describeForAB)
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let options = try ABOptions(arguments)
        let thresholds = try ThresholdsLoader.load(explicitPath: arguments.value("thresholds"))
        let (measurements, base, head) = try await measurements(options: options, context: context)
        let builder = ABComparisonBuilder(base: base, head: head, thresholds: thresholds, method: options.method)
        let comparison = builder.compare(measurements)
        try ABOutputs.write(
            comparison,
            measurements: measurements,
            options: options,
            builder: builder,
            arguments: arguments,
            context: context
        )
        return comparison.verdict == .fail ? .gateFailed : .success
    }

    /// Resolves the revisions, builds them and measures; or, with `--replay`, reads saved rounds.
    private static func measurements(
        options: ABOptions,
        context: CommandContext
    ) async throws -> (ABMeasurements, base: ABRevision, head: ABRevision) {
        if let folder = options.replayFolder {
            let measurements = try ABMeasurements.read(fromFolder: folder)
            let base = ABRevision(side: .base, commit: measurements.baseRun?.git?.commit)
            let head = ABRevision(side: .head, commit: measurements.headRun?.git?.commit)
            return (measurements, base, head)
        }
        let benchmarks = try SuiteRunner(options: options.run, context: context).makePlan().benchmarks.map(\.id)
        let root = try ABRevisionResolver.repositoryRoot()
        let base = try ABRevisionResolver.resolve(options.base, side: .base, root: root)
        let head =
            try options.head.map { try ABRevisionResolver.resolve($0, side: .head, root: root) }
            ?? ABRevision(side: .head, commit: nil)
        let log: @Sendable (String) -> Void = { [quiet = options.run.isQuiet, output = context.standardError] line in
            if !quiet { output.write("bench ab: \(line)\n") }
        }
        let measurements = try await onOwnThread {
            try measure(options: options, root: root, base: base, head: head, benchmarks: benchmarks, log: log)
        }
        return (measurements, base, head)
    }

    /// Builds both sides and runs the interleaved rounds (blocking).
    private static func measure(
        options: ABOptions,
        root: String,
        base: ABRevision,
        head: ABRevision,
        benchmarks: [String],
        log: @escaping @Sendable (String) -> Void
    ) throws -> ABMeasurements {
        let started = Date()
        let builder = ABBuilder(root: root, log: log)
        let baseExecutable = try builder.executable(for: base)
        let headExecutable = head.commit == base.commit ? baseExecutable : try builder.executable(for: head)
        log(
            "built both sides in \(Int(Date().timeIntervalSince(started))) s; measuring \(benchmarks.count) benchmarks × "
                + "\(options.rounds) rounds × 2 sides"
        )
        let runner = ABRunner(
            base: (base, baseExecutable),
            head: (head, headExecutable),
            commonArguments: options.childArguments,
            headOnlyArguments: options.headOnlyArguments,
            log: log
        )
        let measured = Date()
        let measurements = try runner.measure(benchmarks: benchmarks, rounds: options.rounds)
        log(
            "measured in \(Int(Date().timeIntervalSince(measured))) s (total \(Int(Date().timeIntervalSince(started))) s)"
        )
        return measurements
    }

    /// Runs blocking `work` on a thread of its own, so the cooperative pool is never blocked.
    private static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
