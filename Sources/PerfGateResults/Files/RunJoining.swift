import PerfGateStatistics

/// Joins independent runs of one suite and one source revision into one results file: the shape of
/// a baseline that carries its own run-to-run noise (`bench baseline record`, `bench baseline save
/// A.json B.json …`).
///
/// Each metric's samples are concatenated in run order; `sampleRuns` says which run each came from
/// (an index into `run.runs`), `sampleProcesses` and `sampleRounds` are kept when every run has
/// them. Runs that are themselves joined contribute each of their parts. A benchmark or metric
/// missing from some runs keeps the runs that have it.
public enum RunJoining {
    /// The joined results.
    ///
    /// - Parameters:
    ///   - runs: The runs with the file each came from (named in errors), at least one.
    /// - Throws: ``ResultsError`` naming the first file whose suite or commit differs from the first
    ///   file's, or whose run appears twice.
    /// - Complexity: O(total samples × log) for the recomputed summaries.
    public static func join(_ runs: [(results: BenchmarkResults, file: String)]) throws(ResultsError) -> BenchmarkResults {
        guard let first = runs.first?.results else {
            throw ResultsError(file: "-", message: "no results to join; name at least one results file")
        }
        var parts: [RunPart] = []
        var partOffsets: [Int] = []
        for (results, file) in runs {
            try checkCompatible(results.run, with: first.run, file: file)
            partOffsets.append(parts.count)
            for part in results.run.ownParts where parts.contains(where: { $0.id == part.id }) {
                throw ResultsError(
                    file: file, jsonPath: "$.run.id",
                    message: "run \(part.id) is already among the runs joined; name each run once"
                )
            }
            parts += results.run.ownParts
        }
        var benchmarks: [BenchmarkResult] = []
        var indexByID: [String: Int] = [:]
        for (position, (results, _)) in runs.enumerated() {
            for benchmark in results.benchmarks {
                let labelled = benchmark.withRunLabels(offset: partOffsets[position], run: results.run)
                if let index = indexByID[benchmark.id] {
                    benchmarks[index].append(labelled)
                } else {
                    indexByID[benchmark.id] = benchmarks.count
                    benchmarks.append(labelled)
                }
            }
        }
        for index in benchmarks.indices {
            for (name, metric) in benchmarks[index].metrics {
                benchmarks[index].metrics[name]?.summary = SampleSummary(samples: metric.samples)
                if parts.count < 2 { benchmarks[index].metrics[name]?.sampleRuns = nil }
            }
        }
        let last = runs[runs.count - 1].results.run
        var environment = first.run.environment
        environment?.loadAverageAfter = last.environment?.loadAverageAfter
        if Set(parts.map(\.bootId)).count > 1 { environment?.bootId = nil }
        var warnings: [String] = []
        for (results, _) in runs { for warning in results.run.warnings where !warnings.contains(warning) { warnings.append(warning) } }
        let run = RunInfo(
            id: "\(first.run.id)+\(parts.count - 1)", startedAt: first.run.startedAt, finishedAt: last.finishedAt,
            suite: first.run.suite, git: first.run.git, environment: environment, warnings: warnings,
            parts: parts.count > 1 ? parts : []
        )
        return BenchmarkResults(tool: first.tool, run: run, benchmarks: benchmarks)
    }

    private static func checkCompatible(_ run: RunInfo, with first: RunInfo, file: String) throws(ResultsError) {
        if run.suite != first.suite {
            throw ResultsError(
                file: file, jsonPath: "$.run.suite",
                message: "suite \"\(run.suite)\" differs from \"\(first.suite)\" of the first run; join runs of one suite"
            )
        }
        if let commit = run.git?.commit, let firstCommit = first.git?.commit, commit != firstCommit {
            throw ResultsError(
                file: file, jsonPath: "$.run.git.commit",
                message: "commit \(commit.prefix(12)) differs from \(firstCommit.prefix(12)) of the first run; "
                    + "a baseline joins runs of one revision"
            )
        }
    }
}

extension RunInfo {
    /// The runs this file holds: its parts, or itself as one part.
    var ownParts: [RunPart] {
        parts.isEmpty ? [RunPart(id: id, startedAt: startedAt, bootId: environment?.bootId)] : parts
    }
}

extension BenchmarkResult {
    /// The benchmark with every metric's `sampleRuns` shifted by `offset` (or set to it for a single run).
    fileprivate func withRunLabels(offset: Int, run: RunInfo) -> BenchmarkResult {
        var copy = self
        for (name, metric) in metrics {
            var labelled = metric
            labelled.sampleRuns = metric.sampleRuns.map { $0.map { $0 + offset } }
                ?? Array(repeating: offset, count: metric.samples.count)
            copy.metrics[name] = labelled
        }
        return copy
    }

    /// Appends `other`'s samples metric by metric; block labels survive only when both sides have them.
    fileprivate mutating func append(_ other: BenchmarkResult) {
        for (name, metric) in other.metrics {
            guard var existing = metrics[name] else {
                metrics[name] = metric
                continue
            }
            let count = existing.samples.count
            existing.samples += metric.samples
            existing.sampleRuns = (existing.sampleRuns ?? Array(repeating: 0, count: count)) + (metric.sampleRuns ?? [])
            existing.sampleProcesses = existing.sampleProcesses.flatMap { old in metric.sampleProcesses.map { old + $0 } }
            existing.sampleRounds = existing.sampleRounds.flatMap { old in metric.sampleRounds.map { old + $0 } }
            metrics[name] = existing
        }
    }
}
