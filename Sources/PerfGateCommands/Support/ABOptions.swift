/// The options of `bench ab`, parsed and validated (pure: no git, no files).
struct ABOptions: Sendable {
    /// How the rounds of `bench ab` are compared.
    enum Method: String, Sendable, CaseIterable {
        /// Wilcoxon signed-rank on per-round log-ratios of block medians (`ABPairedComparison`).
        case paired
        /// Mann–Whitney on each side's pooled samples, as `bench compare` does.
        case pooled
    }

    /// Rounds when `--rounds` is absent: the fewest for which a paired test can clear Holm over the
    /// default suite's 28 gating metrics (2 / 2¹³ · 28 < 0.01), see docs/ci.md.
    static let defaultRounds = 13
    /// Samples per benchmark in each block when `--samples` is absent.
    static let defaultSamplesPerBlock = 6
    /// The method when `--method` is absent (chosen by measurement, see docs/ci.md).
    static let defaultMethod = Method.paired

    var base: String
    var head: String?
    var rounds: Int
    var method: Method
    /// The shared run options (suite, filter, agents, samples per block, seed, quiet, injection).
    var run: RunOptions
    /// Extra reports: `--report FORMAT=FILE`.
    var reports: [(format: ReportFormat, path: String)]
    /// `--results-dir`.
    var resultsFolder: String?
    /// `--replay DIR` (hidden): compare the rounds an earlier `--results-dir` saved instead of
    /// building and measuring, to re-decide them with another method or thresholds.
    var replayFolder: String?
    /// Whether `--worker-timeout` was given (then the children get it too).
    var hasWorkerTimeout: Bool

    /// Parses and validates.
    init(_ arguments: ParsedArguments) throws {
        replayFolder = arguments.value("replay")
        guard let base = arguments.value("base") ?? replayFolder.map({ _ in "replay" }) else {
            throw UsageError(
                "missing --base REV: the revision to compare against, such as HEAD~1 or main",
                command: "bench ab"
            )
        }
        self.base = base
        head = arguments.value("head")
        rounds = try arguments.integer("rounds", in: 2...1_000) ?? Self.defaultRounds
        method = arguments.value("method").flatMap(Method.init(rawValue:)) ?? Self.defaultMethod
        run = try RunOptions(arguments)
        if run.fault != nil {
            throw UsageError("--inject-fault is not available in bench ab", command: "bench ab")
        }
        reports = try (arguments.values["report"] ?? []).map(Self.parseReport)
        resultsFolder = arguments.value("results-dir")
        hasWorkerTimeout = arguments.value("worker-timeout") != nil
    }

    /// `json=comparison.json` → (.json, "comparison.json").
    static func parseReport(_ text: String) throws -> (format: ReportFormat, path: String) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let format = ReportFormat(rawValue: parts[0]), !parts[1].isEmpty else {
            let formats = ReportFormat.allCases.map(\.rawValue).joined(separator: "|")
            throw UsageError(
                "--report expects FORMAT=FILE with FORMAT one of \(formats), got \"\(text)\"",
                command: "bench ab"
            )
        }
        return (format, parts[1])
    }

    /// `bench run` arguments both sides get: suite, seed, samples per block, agents, scenario folder.
    var childArguments: [String] {
        var arguments = ["--suite", run.suite.name, "--seed", String(run.seed)]
        arguments += ["--samples", String(run.samples ?? Self.defaultSamplesPerBlock)]
        if let counts = run.agentCounts { arguments += ["--agents", counts.map(String.init).joined(separator: ",")] }
        if let folder = run.scenarioFolder { arguments += ["--scenarios", folder] }
        // Hidden and newer than the contract's options: passed only when asked for, so that a base
        // revision without it still runs.
        if hasWorkerTimeout { arguments += ["--worker-timeout", String(run.workerTimeoutSeconds)] }
        return arguments
    }

    /// `bench run` arguments only the head gets: the injected slowdown and memory.
    var headOnlyArguments: [String] {
        var arguments: [String] = []
        if run.injection.slowdown > 0 { arguments += ["--inject-slowdown", String(run.injection.slowdown)] }
        if run.injection.extraMemory > 0 { arguments += ["--inject-memory", String(run.injection.extraMemory)] }
        return arguments
    }

    /// The run options' declarations with help that says what they mean in `bench ab`.
    static func describeForAB(_ option: OptionSpec) -> OptionSpec {
        var option = option
        switch option.name {
        case "samples": option.help = "Samples per benchmark in each block (default \(defaultSamplesPerBlock))."
        case "inject-slowdown":
            option.help =
                "Make the head side's agents do this fraction more work (0.10 = 10% slower), to measure what the gate detects."
        case "inject-memory": option.help = "Make the head side's agents allocate this fraction more memory."
        case "inject-fault": option.isHidden = true
        default: break
        }
        return option
    }
}
