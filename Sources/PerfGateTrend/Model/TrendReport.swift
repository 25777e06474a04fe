public import PerfGateResults

/// The history of a set of results files: the runs in time order, one series per benchmark and
/// metric, and the change points found in each series.
///
/// Built by ``TrendReport/init(inputs:selection:detector:)``; rendered by ``TrendMarkdown``,
/// ``TrendHTML``, ``TrendChart`` and ``TrendJSON``.
public struct TrendReport: Sendable {
    /// The schema identifier of the JSON form (``TrendJSON``).
    public static let schema = "perfgate/trend@1"

    /// Every run, oldest first (by `run.startedAt`, then run id, then path).
    public var runs: [TrendRun]
    /// One series per (benchmark id, metric name), sorted by benchmark id (numbers in it numerically),
    /// then metric name.
    public var series: [TrendSeries]
    /// The detector and parameters used to find the change points.
    public var detector: EDivisiveDetector
    /// Things a reader should know (duplicate run ids, units that changed, …); one line each.
    public var warnings: [String]

    /// Creates a report from its parts (no detection happens here).
    public init(runs: [TrendRun], series: [TrendSeries], detector: EDivisiveDetector, warnings: [String]) {
        self.runs = runs
        self.series = series
        self.detector = detector
        self.warnings = warnings
    }

    /// The number of change points over all series.
    public var changePointCount: Int { series.reduce(0) { $0 + $1.changePoints.count } }
}

/// One run of a suite as the trend report refers to it.
public struct TrendRun: Sendable, Hashable {
    /// The run id from the results file (`run.id`).
    public var id: String
    /// The RFC 3339 start time as written (`run.startedAt`).
    public var startedAt: String
    /// The git commit, or nil when the file does not say.
    public var commit: String?
    /// The file the run was read from, as the user named it.
    public var path: String

    /// Creates a run reference.
    public init(id: String, startedAt: String, commit: String?, path: String) {
        self.id = id
        self.startedAt = startedAt
        self.commit = commit
        self.path = path
    }

    /// The commit shortened to 7 characters, or `—` when unknown; for labels.
    public var shortCommit: String {
        guard let commit, !commit.isEmpty else { return "—" }
        return String(commit.prefix(7))
    }
}

/// One run's value of a metric: the median and the 5th–95th percentile band of its samples.
public struct TrendPoint: Sendable, Hashable {
    /// The index of the run in ``TrendReport/runs``.
    public var run: Int
    /// The type-7 5th percentile of the run's samples, in the metric's unit.
    public var p5: Double
    /// The type-7 median of the run's samples; the value change points are detected on.
    public var p50: Double
    /// The type-7 95th percentile of the run's samples.
    public var p95: Double
    /// The number of samples.
    public var count: Int

    /// Creates a point.
    public init(run: Int, p5: Double, p50: Double, p95: Double, count: Int) {
        self.run = run
        self.p5 = p5
        self.p50 = p50
        self.p95 = p95
        self.count = count
    }
}

/// The history of one metric of one benchmark, with its change points.
public struct TrendSeries: Sendable, Hashable {
    /// The benchmark id (`coordination/contract-net[agents=50]`).
    public var benchmark: String
    /// The metric name (`round_seconds`).
    public var metric: String
    /// The metric's base unit (`seconds`, `bytes`, …), as in the most recent run.
    public var unit: String
    /// Whether smaller or larger values are better, as in the most recent run.
    public var better: Better
    /// One point per run that has this metric, oldest first.
    public var points: [TrendPoint]
    /// Change points found in the p50 series, by index.
    public var changePoints: [ChangePoint]

    /// Creates a series.
    public init(
        benchmark: String, metric: String, unit: String, better: Better, points: [TrendPoint],
        changePoints: [ChangePoint] = []
    ) {
        self.benchmark = benchmark
        self.metric = metric
        self.unit = unit
        self.better = better
        self.points = points
        self.changePoints = changePoints
    }
}
