import Foundation
import PerfGateResults

/// Finds and reads the thresholds that apply to a command.
enum ThresholdsLoader {
    /// The default thresholds file, relative to the working folder.
    static let defaultPath = "Benchmarks/thresholds.json"

    /// The file given with `--thresholds`, else `Benchmarks/thresholds.json` when present,
    /// else the built-in defaults (the same content as the committed file).
    static func load(explicitPath: String?) throws -> Thresholds {
        if let explicitPath { return try ResultsIO.readThresholds(path: explicitPath) }
        if FileManager.default.fileExists(atPath: defaultPath) {
            return try ResultsIO.readThresholds(path: defaultPath)
        }
        return Thresholds.default
    }
}
