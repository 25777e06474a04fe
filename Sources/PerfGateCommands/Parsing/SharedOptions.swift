/// Options that several commands share, declared once so they are spelled the same everywhere.
package enum SharedOptions {
    /// `--format` with the given choices.
    package static func format(_ choices: [String], help: String = "Output format.") -> OptionSpec {
        OptionSpec("format", value: "FORMAT", help: help, allowed: choices)
    }
    /// `--output FILE`: `-` or absent means standard output.
    package static let output = OptionSpec(
        "output", short: "o", value: "FILE", help: "Write to FILE instead of standard output (- for standard output)."
    )
    /// `--thresholds FILE`.
    package static let thresholds = OptionSpec(
        "thresholds", value: "FILE",
        help: "Thresholds file (default: Benchmarks/thresholds.json when present, else the built-in defaults)."
    )
    /// `--filter PATTERN`.
    package static let filter = OptionSpec(
        "filter", value: "PATTERN", help: "Only benchmarks whose id matches this glob (* and ?)."
    )
    /// `--samples N`.
    package static let samples = OptionSpec("samples", value: "N", help: "Samples per benchmark (overrides the suite).")
    /// `--agents LIST`.
    package static let agents = OptionSpec(
        "agents", value: "LIST", help: "Comma-separated agent counts, such as 1,10,25,50."
    )
    /// `--seed N`.
    package static let seed = OptionSpec("seed", value: "N", help: "Seed of every random choice (default 42).")
    /// `--history DIR`: earlier results of the baseline's code, for the run-to-run noise of wall time.
    package static let history = OptionSpec(
        "history", value: "DIR",
        help: "Earlier results of the baseline's code (files or a folder, same suite): more runs for the gate's model of run-to-run noise."
    )
    /// `--quiet`.
    package static let quiet = OptionSpec("quiet", short: "q", help: "No progress on standard error.")
}
