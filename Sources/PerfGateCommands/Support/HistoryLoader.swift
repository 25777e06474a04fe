import PerfGateResults

/// Reads `--history`: results files of earlier runs, kept when they measured the same suite.
enum HistoryLoader {
    /// The history's results of `suite`, and a warning naming how many files of other suites were left out.
    ///
    /// - Throws: ``CommandError`` for a folder without results files; ``ResultsError`` for a file that
    ///   does not read (status 2, naming it).
    static func load(_ path: String?, suite: String) throws -> (history: [BenchmarkResults], warning: String?) {
        guard let path else { return ([], nil) }
        var history: [BenchmarkResults] = []
        var skipped = 0
        for file in try TrendCommand.resultsFiles(in: [path]) {
            let results = try ResultsIO.read(path: file)
            if results.run.suite == suite { history.append(results) } else { skipped += 1 }
        }
        let warning = skipped > 0
            ? "--history: \(skipped) file(s) of another suite than \"\(suite)\" left out (their noise differs)" : nil
        return (history, warning)
    }
}
