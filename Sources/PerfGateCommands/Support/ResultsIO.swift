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
}
