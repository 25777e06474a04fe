import PerfGateComparison
import PerfGateResults
import PerfGateStatistics

/// The gate's error rates on this machine, measured from runs of one build: A/A pairs (no change)
/// and pairs whose candidate had a slowdown injected.
///
/// Method (also in docs/BASELINES.md):
/// - **False failures**: every pair (i < j) of the unmodified runs is compared with the thresholds;
///   a (benchmark, metric) false-fails when it is gating and `regressed` or `over_budget`.
/// - **Detection power** at slowdown f: every unmodified run against every run slowed by f; caught
///   when the gating metric fails the gate.
/// - **Between-run noise** *s*: the root mean square of the A/A relative changes of the gated
///   statistic (this is the noise the limit has to sit above; it includes process-to-process drift).
/// - **Smallest reliably caught slowdown**: the larger of the limit floor, maxRegression + z(power)·*s*
///   (the gated statistic must cross the limit), and the Mann–Whitney floor of Noether (1987) for the
///   sample count per side *n*, the samples' coefficient of variation σ and alpha/m (the first Holm step
///   for m gating metrics): P(Y > X) = ½ + (z(1−alpha/2m) + z(power)) / √(6n), shift = σ·√2·Φ⁻¹(P).
/// - **Recommendation** for a target (catch T with the target power, fail falsely under the target
///   rate): a limit L = z(1−rate)·*s* keeps A/A changes under it; L + z(power)·*s* ≤ T is needed to
///   catch T. When that holds, maxRegression = T − z(power)·*s* and the sample count from Noether's
///   formula at shift T; otherwise the metric is too noisy to gate at T and the worker-process count
///   that would bring *s* down enough (noise of a median over processes falls as 1/√processes).
struct CalibrationAnalysis {
    /// What calibration aims for.
    struct Target {
        /// The slowdown to catch (0.05 = 5%).
        var slowdown = 0.05
        /// The probability of catching it.
        var power = 0.95
        /// The acceptable rate of failures on no change.
        var falseFailureRate = 0.01
    }

    /// One gated (benchmark, metric) with its measured error rates and the derived advice.
    struct Row {
        var benchmark: String
        var metric: String
        var statistic: SummaryStatistic
        var maxRegression: Double
        var falseFailures: Int { falseFailureComparisons.count }
        /// Indices of the A/A comparisons in which this metric failed the gate.
        var falseFailureComparisons: Set<Int>
        var aaComparisons: Int
        /// Caught pairs per slowdown, in the order of ``CalibrationAnalysis/slowdowns``.
        var caught: [Int] { caughtPairs.map(\.count) }
        /// Per slowdown, the indices of the pairs in which this metric failed the gate.
        var caughtPairs: [Set<Int>]
        var pairs: Int
        var samplesPerSide: Int
        var sampleCV: Double
        var betweenRunNoise: Double
        /// The smallest injected slowdown caught in at least 80% of pairs, or nil.
        var smallestObserved: Double?
        var smallestModelled: Double
        /// A recommended maxRegression, or nil when the metric is too noisy for the target.
        var recommendedLimit: Double?
        var recommendedSamples: Int?
        var recommendedWorkers: Int?
        var tooNoisy: Bool { recommendedLimit == nil }
    }

    var slowdowns: [Double]
    var rows: [Row]
    /// Fraction of A/A comparisons whose verdict was fail.
    var overallFalseFailureRate: Double
    var aaComparisons: Int
    var target: Target
    /// Worker processes per run in the calibrated suite.
    var workerCount: Int

    /// Analyses `unmodified` runs (at least 2) and `slowed[k]` runs for `slowdowns[k]` (each compared
    /// with every unmodified run) under `thresholds`.
    init(
        unmodified: [BenchmarkResults], slowed: [[BenchmarkResults]], slowdowns: [Double], thresholds: Thresholds,
        workerCount: Int, target: Target = Target()
    ) {
        let comparator = Comparator(thresholds: thresholds)
        func compare(_ a: BenchmarkResults, _ b: BenchmarkResults) -> Comparison {
            comparator.compare(baseline: a, baselinePath: "a", candidate: b, candidatePath: "b")
        }
        var aa: [Comparison] = []
        for i in unmodified.indices { for j in unmodified.indices where j > i { aa.append(compare(unmodified[i], unmodified[j])) } }
        let detections = slowed.map { runs in unmodified.flatMap { base in runs.map { compare(base, $0) } } }
        self.slowdowns = slowdowns
        self.target = target
        self.workerCount = workerCount
        self.aaComparisons = aa.count
        overallFalseFailureRate = aa.isEmpty ? 0 : Double(aa.filter { $0.verdict == .fail }.count) / Double(aa.count)
        rows = Self.gatedKeys(aa).map { key in
            Self.row(key: key, aa: aa, detections: detections, slowdowns: slowdowns, runs: unmodified,
                     alpha: thresholds.alpha, target: target, workerCount: workerCount)
        }
    }

    private struct Key: Hashable { var benchmark: String; var metric: String }

    /// Gating metrics with a regression limit, in report order of the first comparison, sorted by id.
    private static func gatedKeys(_ aa: [Comparison]) -> [Key] {
        guard let first = aa.first else { return [] }
        return first.results.filter { $0.gating && ($0.limit?.maxRegression ?? 0) > 0 && $0.test != nil }
            .map { Key(benchmark: $0.benchmark, metric: $0.metric) }
            .sorted { ($0.benchmark, $0.metric) < ($1.benchmark, $1.metric) }
    }

    private static func find(_ key: Key, in comparison: Comparison) -> MetricComparison? {
        comparison.results.first { $0.benchmark == key.benchmark && $0.metric == key.metric }
    }

    private static func fails(_ result: MetricComparison?) -> Bool { result.map { $0.gating && $0.status.failsGate } ?? false }

    private static func row(
        key: Key, aa: [Comparison], detections: [[Comparison]], slowdowns: [Double], runs: [BenchmarkResults],
        alpha: Double, target: Target, workerCount: Int
    ) -> Row {
        let first = find(key, in: aa[0])!
        let statistic = first.statistic
        let limit = first.limit?.maxRegression ?? 0
        let changes = aa.compactMap { find(key, in: $0)?.change[statistic] }.filter(\.isFinite)
        let noise = changes.isEmpty ? 0 : (changes.map { $0 * $0 }.reduce(0, +) / Double(changes.count)).squareRoot()
        let metrics = runs.compactMap { run in run.benchmarks.first { $0.id == key.benchmark }?.metrics[key.metric] }
        let cvs = metrics.map { $0.summary.mean != 0 ? $0.summary.stddev / abs($0.summary.mean) : 0 }
        let cv = cvs.isEmpty ? 0 : cvs.reduce(0, +) / Double(cvs.count)
        let samples = metrics.map(\.samples.count).min() ?? 0
        let caughtPairs = detections.map { pairs in Set(pairs.indices.filter { fails(find(key, in: pairs[$0])) }) }
        let caught = caughtPairs.map(\.count)
        let pairCount = detections.first?.count ?? 0
        let observed = zip(slowdowns, caught).filter { pairCount > 0 && Double($0.1) >= 0.8 * Double(pairCount) }.map(\.0).min()
        let model = CalibrationModel(alpha: alpha, power: target.power)
        var row = Row(
            benchmark: key.benchmark, metric: key.metric, statistic: statistic, maxRegression: limit,
            falseFailureComparisons: Set(aa.indices.filter { fails(find(key, in: aa[$0])) }), aaComparisons: aa.count,
            caughtPairs: caughtPairs,
            pairs: pairCount, samplesPerSide: samples, sampleCV: cv, betweenRunNoise: noise, smallestObserved: observed,
            smallestModelled: max(model.limitFloor(limit: limit, noise: noise), model.mannWhitneyShift(samples: samples, cv: cv))
        )
        let advice = model.advice(noise: noise, cv: cv, target: target, workerCount: workerCount)
        (row.recommendedLimit, row.recommendedSamples, row.recommendedWorkers) = advice
        return row
    }
}
