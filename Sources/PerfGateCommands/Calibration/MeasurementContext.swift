import PerfGateHarness
import PerfGateResults

/// What generated documents say about where and how they were measured.
enum MeasurementContext {
    /// One line about the machine: CPU, cores, memory, OS, kernel, Swift, build.
    static func machine(_ environment: EnvironmentInfo?) -> String {
        guard let environment else { return "unknown" }
        var parts: [String] = []
        if let cpu = environment.cpuModel { parts.append(cpu) }
        if let cores = environment.logicalCores { parts.append("\(cores) logical cores") }
        if let memory = environment.memoryBytes { parts.append("\(memory / (1 << 30)) GiB memory") }
        if let os = environment.os { parts.append(os) }
        if let kernel = environment.kernel { parts.append("kernel \(kernel)") }
        if let swift = environment.swiftVersion { parts.append("Swift \(swift)") }
        if let build = environment.build { parts.append("\(build) build") }
        return parts.joined(separator: ", ")
    }

    /// The load averages of the runs and a warning for debug builds, as notes for a document.
    ///
    /// The load before the first run tells whether other work shared the machine; before later runs
    /// it also counts the document's own previous runs (a run of worker processes keeps about one
    /// core busy, and the 1-minute average lags), so those are reported as a range, for what they are.
    static func notes(runs: [BenchmarkResults]) -> [String] {
        var notes: [String] = []
        let loads = runs.compactMap { $0.run.environment?.loadAverageBefore }
        let cores = runs.first?.run.environment?.logicalCores ?? 1
        if let first = loads.first {
            var note = "Load average (1 min) before the first run: \(CalibrationReport.formatNumber(first))"
            if let low = loads.dropFirst().min(), let high = loads.dropFirst().max() {
                note += "; before the others \(CalibrationReport.formatNumber(low))–\(CalibrationReport.formatNumber(high)), "
                    + "which includes this command's own previous runs"
            }
            note += first > Double(cores)
                ? ". Above the core count (\(cores)), other work shared the cores and the figures are noisier than on an idle machine."
                : "."
            notes.append(note)
        }
        if runs.contains(where: { $0.run.environment?.build == "debug" }) {
            notes.append("Measured with a DEBUG build: timings are several times slower than release.")
        }
        return notes
    }

    /// `bench PATH --key value … --flag …`, options sorted, as a command to regenerate a document.
    static func commandLine(_ arguments: ParsedArguments) -> String {
        var words = [arguments.command]
        for key in arguments.values.keys.sorted() { for value in arguments.values[key] ?? [] { words += ["--\(key)", value] } }
        for flag in arguments.flags.sorted() { words.append("--\(flag)") }
        return words.joined(separator: " ")
    }

    /// Now as `YYYY-MM-DD HH:MM:SS UTC`.
    static func now() -> String {
        let stamp = RunIdentifier.rfc3339(secondsSinceEpoch: RunIdentifier.currentSecondsSinceEpoch())
        return stamp.replacing("T", with: " ").replacing("Z", with: " UTC")
    }
}
