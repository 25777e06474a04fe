import PerfGateResults

/// Warnings about two runs measured in conditions that make their timings hard to compare.
enum EnvironmentDifferences {
    /// One warning per differing field (CPU model, cores, build configuration, architecture, OS,
    /// memory), plus the runs' own recorded warnings, prefixed with the side they came from.
    ///
    /// Fields unknown on either side are not compared. A debug build on either side gets a
    /// warning that says which side is which.
    static func warnings(baseline: RunInfo, candidate: RunInfo) -> [String] {
        var warnings: [String] = []
        if let old = baseline.environment, let new = candidate.environment {
            warnings += fieldWarnings(old, new)
            if let buildWarning = buildWarning(old.build, new.build) { warnings.append(buildWarning) }
        }
        warnings += baseline.warnings.map { "baseline run: \($0)" }
        warnings += candidate.warnings.map { "candidate run: \($0)" }
        return warnings
    }

    private static func fieldWarnings(_ old: EnvironmentInfo, _ new: EnvironmentInfo) -> [String] {
        let fields: [(String, String?, String?)] = [
            ("cpuModel", old.cpuModel, new.cpuModel),
            ("logicalCores", old.logicalCores.map(String.init), new.logicalCores.map(String.init)),
            ("arch", old.arch, new.arch),
            ("os", old.os, new.os),
            ("memoryBytes", memoryText(old.memoryBytes, comparedWith: new.memoryBytes),
             memoryText(new.memoryBytes, comparedWith: old.memoryBytes)),
        ]
        return fields.compactMap { name, oldValue, newValue in
            guard let oldValue, let newValue, oldValue != newValue else { return nil }
            return "environments differ: \(name) \"\(oldValue)\" (baseline) vs \"\(newValue)\" (candidate); "
                + "compare runs from the same machine, or use `bench ab`"
        }
    }

    /// Memory sizes that differ by less than ``memoryTolerance`` are the same machine type (the kernel
    /// reserves a few hundred KiB more or less from boot to boot): both read as the same text then.
    private static func memoryText(_ value: Int?, comparedWith other: Int?) -> String? {
        guard let value else { return nil }
        if let other, abs(Double(value - other)) <= memoryTolerance * Double(max(value, other)) { return "same" }
        return String(value)
    }

    /// The relative difference of memory sizes that is not a different machine: 1%.
    static let memoryTolerance = 0.01

    private static func buildWarning(_ old: String?, _ new: String?) -> String? {
        guard let old, let new else { return nil }
        if old != new {
            return "build configurations differ: the baseline is a \(old) build and the candidate a \(new) build; "
                + "timings are not comparable, measure both with `swift run -c release bench`"
        }
        if old == "debug" {
            return "both runs are debug builds: timings do not reflect release performance"
        }
        return nil
    }
}
