public import PerfGateResults
import PerfGateStatistics

/// Compares a candidate run with a baseline run under a thresholds file, as the contract defines.
///
/// For every (benchmark, metric) present in either run the comparator
/// 1. runs a two-sided Mann–Whitney U test of the candidate's samples against the baseline's,
/// 2. computes the relative change of every summary statistic and the Hodges–Lehmann shift
///    with a `1 − alpha` distribution-free confidence interval,
/// 3. adjusts the p-values of the gating family (every gating result present in both runs)
///    with the configured correction, and
/// 4. decides a status: `over_budget` (an absolute budget broken by the candidate) first, then
///    `inconclusive` (too few samples for any p-value to reach alpha), then `regressed` /
///    `improved` (significant after correction **and** the gated statistic moved beyond its limit),
///    otherwise `unchanged`.
///
/// The comparator is pure: it reads nothing and writes nothing.
public struct Comparator: Sendable {
    /// The thresholds that decide limits, alpha and correction.
    public var thresholds: Thresholds

    /// Creates a comparator that applies `thresholds`.
    public init(thresholds: Thresholds) {
        self.thresholds = thresholds
    }

    /// Compares `candidate` with `baseline`.
    ///
    /// - Parameters:
    ///   - baseline: The reference run and the path it was read from (reported back).
    ///   - candidate: The run under test and its path.
    ///   - history: Earlier results of the baseline's code (`--history`): more runs for the
    ///     run-to-run noise of wall-time metrics. Runs also in the baseline or the candidate count once.
    /// - Returns: The comparison with its verdict; results are ordered with failing ones first.
    /// - Complexity: O(Σ n log n) over all metrics' sample counts n, plus the exact null
    ///   distributions of small tie-free samples.
    public func compare(
        baseline: BenchmarkResults,
        baselinePath: String,
        candidate: BenchmarkResults,
        candidatePath: String,
        history: [BenchmarkResults] = []
    ) -> Comparison {
        let context = RunContext(baseline: baseline.run, candidate: candidate.run, history: Self.index(history))
        var pending = pairMetrics(baseline: baseline, candidate: candidate).map { evaluate($0, context: context) }
        applyCorrection(to: &pending)
        var results = pending.map(decide)
        results.sort(by: Self.reportOrder)
        let fails = results.contains { $0.gating && $0.status.failsGate }
        return Comparison(
            verdict: fails ? .fail : .pass,
            alpha: thresholds.alpha,
            correction: thresholds.correction,
            baseline: RunReference(path: baselinePath, runId: baseline.run.id, commit: baseline.run.git?.commit),
            candidate: RunReference(path: candidatePath, runId: candidate.run.id, commit: candidate.run.git?.commit),
            warnings: EnvironmentDifferences.warnings(baseline: baseline.run, candidate: candidate.run)
                + Self.judgementWarnings(pending),
            results: results
        )
    }

    /// History files by benchmark id.
    private static func index(_ history: [BenchmarkResults]) -> [String: [(run: RunInfo, benchmark: BenchmarkResult)]] {
        var index: [String: [(run: RunInfo, benchmark: BenchmarkResult)]] = [:]
        for results in history {
            for benchmark in results.benchmarks { index[benchmark.id, default: []].append((results.run, benchmark)) }
        }
        return index
    }

    /// One warning when wall-time results could not be judged against a baseline from other machines.
    private static func judgementWarnings(_ pending: [PendingComparison]) -> [String] {
        let unjudged = pending.filter { $0.noTestReason != nil }
        guard !unjudged.isEmpty else { return [] }
        return [
            "the baseline was measured on another machine (boot): \(unjudged.count) wall-time results are not judged "
                + "against it (inconclusive); memory, counts, instructions and budgets are. "
                + "Use `bench ab` to judge wall time, or --history with runs from several boots"
        ]
    }

    /// Orders failing results first, then by status importance, benchmark id and metric name.
    static func reportOrder(_ lhs: MetricComparison, _ rhs: MetricComparison) -> Bool {
        let left = (lhs.gating && lhs.status.failsGate ? 0 : 1, lhs.status.reportRank)
        let right = (rhs.gating && rhs.status.failsGate ? 0 : 1, rhs.status.reportRank)
        if left != right { return left < right }
        if lhs.benchmark != rhs.benchmark { return lhs.benchmark < rhs.benchmark }
        return lhs.metric < rhs.metric
    }
}

extension ComparisonStatus {
    /// Importance in reports: budget breaches, regressions, inconclusive, improvements, added,
    /// removed, unchanged.
    var reportRank: Int {
        switch self {
        case .overBudget: 0
        case .regressed: 1
        case .inconclusive: 2
        case .improved: 3
        case .added: 4
        case .removed: 5
        case .unchanged: 6
        }
    }
}
