import PerfGateComparison
import PerfGateResults

/// Turns the measurements of `bench ab` into a `Comparison`: each side's pooled results, compared
/// by the `Comparator` (method `pooled`), then re-decided from the paired rounds (method `paired`).
struct ABComparisonBuilder {
    var base: ABRevision
    var head: ABRevision
    var thresholds: Thresholds
    var method: ABOptions.Method

    /// The comparison of head against base.
    func compare(_ measurements: ABMeasurements) -> Comparison {
        let baseline = pooledResults(measurements, side: .base)
        let candidate = pooledResults(measurements, side: .head)
        let pooled = Comparator(thresholds: thresholds).compare(
            baseline: baseline,
            baselinePath: "base@\(base.shortName)",
            candidate: candidate,
            candidatePath: "head@\(head.shortName)"
        )
        switch method {
        case .pooled: return pooled
        case .paired:
            return ABPairedComparison.compare(pooled: pooled, measurements: measurements, thresholds: thresholds)
        }
    }

    /// One side's samples pooled over all rounds, as a results file of its own.
    func pooledResults(_ measurements: ABMeasurements, side: ABRevision.Side) -> BenchmarkResults {
        let revision = side == .base ? base : head
        let rounds = side == .base ? measurements.base : measurements.head
        var run =
            (side == .base ? measurements.baseRun : measurements.headRun)
            ?? RunInfo(id: "ab", startedAt: "", finishedAt: "", suite: "")
        run.id += "-ab-\(side.rawValue)"
        // The child ran in the head's checkout, so its own git capture names the head: correct it.
        if let commit = revision.commit {
            run.git = GitInfo(commit: commit, branch: nil, dirty: false)
        }
        return BenchmarkResults(
            tool: ToolInfo(name: "perfgate", version: BenchCommand.version),
            run: run,
            benchmarks: ABMeasurements.pooled(rounds)
        )
    }
}
