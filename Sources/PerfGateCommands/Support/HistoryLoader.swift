import Foundation
import PerfGateResults

/// Reads `--history`: results files of earlier runs, kept when they measured the same suite.
enum HistoryLoader {
    /// The history's results of `suite`, and a warning naming how many files of other suites were left out.
    /// An empty folder is an empty history (the first run of a branch).
    ///
    /// - Throws: ``CommandError`` for a path that does not exist; ``ResultsError`` for a file that
    ///   does not read (status 2, naming it).
    static func load(_ path: String?, suite: String) throws -> (history: [BenchmarkResults], warning: String?) {
        guard let path else { return ([], nil) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandError("\(path): no such file or folder; --history takes results files or a folder of them")
        }
        let names = isDirectory.boolValue ? (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] : [path]
        if isDirectory.boolValue && !names.contains(where: { $0.hasSuffix(".json") && !$0.hasPrefix(".") }) {
            return ([], "--history \(path) holds no results yet: wall time is judged against the baseline's runs alone")
        }
        var history: [BenchmarkResults] = []
        var skipped = 0
        for file in try ResultsIO.resultsFiles(in: [path]) {
            let results = try ResultsIO.read(path: file)
            if results.run.suite == suite { history.append(results) } else { skipped += 1 }
        }
        let warning = skipped > 0
            ? "--history: \(skipped) file(s) of another suite than \"\(suite)\" left out (their noise differs)" : nil
        return (history, warning)
    }
}
