/// Phrases and rows shared by the Markdown and HTML reports, before escaping.
enum TrendSummary {
    /// `30 runs from 2026-11-01T00:00:00Z to 2026-11-30T00:00:00Z; 8 series; 2 change points.`
    static func headline(_ report: TrendReport) -> String {
        let runs = report.runs
        var text = "\(runs.count) run\(runs.count == 1 ? "" : "s")"
        if let first = runs.first, let last = runs.last {
            text += " from \(first.startedAt) to \(last.startedAt)"
        }
        let changes = report.changePointCount
        text += "; \(report.series.count) series; \(changes) change point\(changes == 1 ? "" : "s")."
        return text
    }

    /// The detection method and its parameters, one sentence.
    static func method(_ detector: EDivisiveDetector) -> String {
        "Change points: e-divisive means on each run's p50 (energy statistic, α = 1), seeded permutation test "
            + "with \(detector.permutations) permutations, significance level \(detector.alpha), at least "
            + "\(detector.minimumSegmentLength) runs on each side, seed \(detector.seed). "
            + "Step = median p50 after / median p50 before − 1."
    }

    /// The change points of a series in the compact form `#17 1a2b3c4 +20.0% worse`.
    static func changes(_ series: TrendSeries, runs: [TrendRun]) -> String {
        guard !series.changePoints.isEmpty else { return "none" }
        return series.changePoints.map { change in
            "#\(change.index) \(commit(of: change, in: series, runs: runs)) \(step(change)) "
                + (change.isRegression(better: series.better) ? "worse" : "better")
        }.joined(separator: "; ")
    }

    /// The relative step of a change point, or `from 0` when the median before was 0.
    static func step(_ change: ChangePoint) -> String {
        change.relativeChange.map(TrendFormatting.percent) ?? "from 0"
    }

    /// The run of the point at `change.index`.
    static func run(of change: ChangePoint, in series: TrendSeries, runs: [TrendRun]) -> TrendRun? {
        let index = series.points[change.index].run
        return runs.indices.contains(index) ? runs[index] : nil
    }

    static func commit(of change: ChangePoint, in series: TrendSeries, runs: [TrendRun]) -> String {
        run(of: change, in: series, runs: runs)?.shortCommit ?? "—"
    }
}
