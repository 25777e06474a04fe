import Foundation
import PerfGateResults

/// The command layer's entry points into the results formats (reading, writing).
enum ResultsIO {
    /// Reads and validates a results file.
    static func read(path: String) throws(ResultsError) -> BenchmarkResults {
        try ResultsFile.read(path: path)
    }

    /// Reads and validates a thresholds file.
    static func readThresholds(path: String) throws(ResultsError) -> Thresholds {
        try ThresholdsFile.read(path: path)
    }

    /// Writes a report atomically (temporary file in the same folder, then rename).
    static func writeText(_ text: String, to path: String) throws(ResultsError) {
        try AtomicFile.write(Array(text.utf8), to: path)
    }

    /// Every results file named by `paths`: files as given, folders expanded to their `*.json` files
    /// (sorted by name, not recursive). A path named twice is read once.
    static func resultsFiles(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let json = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
                guard !json.isEmpty else {
                    throw CommandError(
                        "\(path): the folder holds no results files (*.json); pass results files or a folder of "
                            + "`bench run` results"
                    )
                }
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += json.map { "\(base)/\($0)" }
            } else {
                files.append(path)
            }
        }
        var seen = Set<String>()
        return files.filter { seen.insert($0).inserted }
    }
}
