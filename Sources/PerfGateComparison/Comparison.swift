public import PerfGateResults
public import PerfGateStatistics

/// The outcome of comparing a candidate run against a baseline run (`perfgate/comparison@1`).
public struct Comparison: Sendable, Hashable {
    public static let currentSchema = "perfgate/comparison@1"

    public var schema: String = Comparison.currentSchema
    public var verdict: Verdict
    public var alpha: Double
    public var correction: Correction
    public var baseline: RunReference
    public var candidate: RunReference
    /// Conditions that make the comparison less trustworthy (different environments, debug builds, …).
    public var warnings: [String]
    /// One entry per (benchmark, metric), regressions and budget breaches first.
    public var results: [MetricComparison]

    public init(
        verdict: Verdict, alpha: Double, correction: Correction, baseline: RunReference,
        candidate: RunReference, warnings: [String], results: [MetricComparison]
    ) {
        self.verdict = verdict
        self.alpha = alpha
        self.correction = correction
        self.baseline = baseline
        self.candidate = candidate
        self.warnings = warnings
        self.results = results
    }
}

/// Whether the gate passes.
public enum Verdict: String, Sendable, Hashable {
    case pass
    case fail
}

/// Which results file one side of a comparison came from.
public struct RunReference: Sendable, Hashable {
    public var path: String
    public var runId: String
    public var commit: String?
    public init(path: String, runId: String, commit: String?) {
        self.path = path
        self.runId = runId
        self.commit = commit
    }
}

/// The status of one (benchmark, metric) in a comparison.
public enum ComparisonStatus: String, Sendable, Hashable, CaseIterable {
    case regressed
    case improved
    case unchanged
    case inconclusive
    case overBudget = "over_budget"
    case added
    case removed

    /// Whether this status fails the gate when the result is gating.
    public var failsGate: Bool { self == .regressed || self == .overBudget }
}

/// The significance test behind a status.
public struct TestOutcome: Sendable, Hashable {
    /// `mann-whitney-u` (`bench compare`, `bench ab --method pooled`), `wilcoxon-signed-rank`
    /// (`bench ab --method paired`) or `run-level-t` (wall time against a baseline of several runs).
    public var name: String
    /// Exact or asymptotic for the rank tests; nil for `run-level-t` (written `student-t`).
    public var method: MannWhitneyMethod?
    /// The rank statistic: U of the candidate sample (Mann–Whitney) or W⁺, the sum of the ranks of
    /// the positive paired differences (Wilcoxon); nil for `run-level-t`.
    public var u: Double?
    /// The t statistic of `run-level-t` (candidate − baseline, log scale when values are positive).
    public var t: Double?
    /// The degrees of freedom of `run-level-t`.
    public var degreesOfFreedom: Int?
    /// What one observation of the test is: a sample, a block (worker process) or a run.
    public var unit: TestUnit
    /// Observations on each side (samples, blocks or runs, per `unit`).
    public var baselineCount: Int?
    public var candidateCount: Int?
    /// Two-sided p-value before correction.
    public var pValue: Double
    /// After the family-wise correction; equal to `pValue` for non-gating results.
    public var adjustedPValue: Double

    /// Creates an outcome.
    public init(
        name: String = "mann-whitney-u", method: MannWhitneyMethod?, u: Double?, t: Double? = nil,
        degreesOfFreedom: Int? = nil, unit: TestUnit = .sample, baselineCount: Int? = nil, candidateCount: Int? = nil,
        pValue: Double, adjustedPValue: Double
    ) {
        self.name = name
        self.method = method
        self.u = u
        self.t = t
        self.degreesOfFreedom = degreesOfFreedom
        self.unit = unit
        self.baselineCount = baselineCount
        self.candidateCount = candidateCount
        self.pValue = pValue
        self.adjustedPValue = adjustedPValue
    }
}

/// The unit of a significance test: what varies independently from one observation to the next.
public enum TestUnit: String, Sendable, Hashable {
    /// Every sample (heap bytes, counts, instructions: exchangeable samples).
    case sample
    /// One value per worker process (wall time against a baseline of one run).
    case block
    /// One value per run (wall time against a baseline of several runs on the same machine).
    case run
    /// One value per machine boot (wall time against a history measured on three or more boots).
    case boot
}

/// The limits that were applied to one result.
public struct AppliedLimit: Sendable, Hashable {
    /// Largest allowed relative change in the worse direction.
    public var maxRegression: Double?
    /// Budget bounds, in the metric's unit, on `budgetStatistic`.
    public var budgetMax: Double?
    public var budgetMin: Double?
    public var budgetStatistic: SummaryStatistic?
    public init(maxRegression: Double?, budgetMax: Double? = nil, budgetMin: Double? = nil, budgetStatistic: SummaryStatistic? = nil) {
        self.maxRegression = maxRegression
        self.budgetMax = budgetMax
        self.budgetMin = budgetMin
        self.budgetStatistic = budgetStatistic
    }
}

/// The comparison of one metric of one benchmark.
public struct MetricComparison: Sendable, Hashable {
    /// The benchmark id.
    public var benchmark: String
    public var metric: String
    public var unit: String
    public var better: Better
    public var status: ComparisonStatus
    public var gating: Bool
    /// The gated summary statistic.
    public var statistic: SummaryStatistic
    /// Nil for `added`.
    public var baseline: SampleSummary?
    /// Nil for `removed`.
    public var candidate: SampleSummary?
    /// Relative change (candidate − baseline) / baseline per statistic; absent where baseline is 0.
    public var change: [SummaryStatistic: Double]
    public var test: TestOutcome?
    public var shift: ShiftEstimate?
    public var limit: AppliedLimit?
    /// For `inconclusive`: samples per side needed for any difference to reach alpha.
    public var samplesNeeded: Int?
    /// One sentence a person can act on.
    public var reason: String

    public init(
        benchmark: String, metric: String, unit: String, better: Better, status: ComparisonStatus,
        gating: Bool, statistic: SummaryStatistic, baseline: SampleSummary?, candidate: SampleSummary?,
        change: [SummaryStatistic: Double], test: TestOutcome?, shift: ShiftEstimate?, limit: AppliedLimit?,
        samplesNeeded: Int? = nil, reason: String
    ) {
        self.benchmark = benchmark
        self.metric = metric
        self.unit = unit
        self.better = better
        self.status = status
        self.gating = gating
        self.statistic = statistic
        self.baseline = baseline
        self.candidate = candidate
        self.change = change
        self.test = test
        self.shift = shift
        self.limit = limit
        self.samplesNeeded = samplesNeeded
        self.reason = reason
    }
}
