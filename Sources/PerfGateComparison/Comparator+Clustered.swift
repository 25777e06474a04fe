import PerfGateResults
import PerfGateStatistics

/// The significance test of one result, whatever its unit, before the family-wise correction.
struct PendingTest {
    var name: String
    var method: MannWhitneyMethod?
    var u: Double?
    var t: Double?
    var degreesOfFreedom: Int?
    var unit: TestUnit
    var baselineCount: Int
    var candidateCount: Int
    var pValue: Double
    /// Whether the candidate's values tend to be larger than the baseline's.
    var candidateTendsLarger: Bool
    /// The smallest two-sided p-value this design can reach (0 for the t test).
    var smallestPValue: Double

    /// A Mann–Whitney test of `candidate` against `baseline`, whose observations are `unit`s.
    static func mannWhitney(candidate: [Double], baseline: [Double], unit: TestUnit) -> PendingTest {
        var test = MannWhitneyU.test(candidate: candidate, baseline: baseline)
        // Identical constant samples have no variance under the null: nothing can be significant.
        if test.pValue.isNaN { test.pValue = 1 }
        return PendingTest(
            name: "mann-whitney-u", method: test.method, u: test.u, unit: unit,
            baselineCount: baseline.count, candidateCount: candidate.count, pValue: test.pValue,
            candidateTendsLarger: test.u > Double(candidate.count * baseline.count) / 2,
            smallestPValue: MannWhitneyU.smallestTwoSidedPValue(
                candidateCount: candidate.count, baselineCount: baseline.count
            )
        )
    }
}

/// What a comparison knows of the runs on each side and of earlier runs of the baseline's code.
struct RunContext {
    var baseline: RunInfo
    var candidate: RunInfo
    /// Earlier results of the baseline's code (`--history`), by benchmark id.
    var history: [String: [(run: RunInfo, benchmark: BenchmarkResult)]]
}

extension Comparator {
    /// The test of a wall-time metric with the right unit, or a reason why none can judge it.
    ///
    /// - Several reference runs (the baseline's parts and the history) on the candidate's boot: a
    ///   run-level t test of the gated statistic (``RunLevelTest``).
    /// - Reference runs on three or more other boots: the same test with one value per boot.
    /// - Reference runs on fewer boots, none of them the candidate's: no test; wall time moves between
    ///   machines by more than the runs of one machine show.
    /// - One reference run: Mann–Whitney on one value per worker process (usually too few to decide).
    func clusteredTest(
        benchmark: String, metric: String, baseline: MetricResult, candidate: MetricResult, context: RunContext,
        statistic: SummaryStatistic
    ) -> (test: PendingTest?, noTestReason: String?) {
        let candidateRuns = candidate.runValues(statistic: statistic, run: context.candidate)
        let reference = referenceRuns(
            benchmark: benchmark, metric: metric, baseline: baseline, context: context, statistic: statistic,
            excluding: Set(candidateRuns.map(\.id))
        )
        let relation = MachineRelation(reference: reference.map(\.boot), candidate: candidateRuns.map(\.boot))
        if reference.count >= 2 {
            switch relation {
            case .same, .unknown:
                return (runLevel(candidate: candidateRuns.map(\.value), baseline: reference.map(\.value), unit: .run), nil)
            case .different(let boots) where boots >= Self.minimumBootsAcrossMachines:
                return (
                    runLevel(candidate: [Self.center(candidateRuns.map(\.value))], baseline: Self.bootCenters(reference), unit: .boot),
                    nil
                )
            case .different(let boots):
                return (nil, Self.crossMachineReason(runs: reference.count, boots: boots))
            }
        }
        if case .different(let boots) = relation { return (nil, Self.crossMachineReason(runs: reference.count, boots: boots)) }
        guard let old = baseline.blockValues(statistic: statistic), let new = candidate.blockValues(statistic: statistic) else {
            return (nil, nil)
        }
        return (PendingTest.mannWhitney(candidate: new, baseline: old, unit: .block), nil)
    }

    /// Boots a history must span before wall time is judged across machines.
    static let minimumBootsAcrossMachines = 3

    private func runLevel(candidate: [Double], baseline: [Double], unit: TestUnit) -> PendingTest? {
        guard let test = RunLevelTest.test(candidate: candidate, baseline: baseline) else { return nil }
        return PendingTest(
            name: "run-level-t", t: test.t, degreesOfFreedom: test.degreesOfFreedom, unit: unit,
            baselineCount: test.baselineRuns, candidateCount: test.candidateRuns, pValue: test.pValue,
            candidateTendsLarger: test.t > 0, smallestPValue: 0
        )
    }

    /// The baseline's runs and the history's, each once, without the candidate's own runs.
    private func referenceRuns(
        benchmark: String, metric: String, baseline: MetricResult, context: RunContext, statistic: SummaryStatistic,
        excluding candidateIDs: Set<String>
    ) -> [RunValue] {
        var seen = candidateIDs
        var runs: [RunValue] = []
        var sources = [(context.baseline, baseline)]
        for entry in context.history[benchmark] ?? [] {
            if let old = entry.benchmark.metrics[metric] { sources.append((entry.run, old)) }
        }
        for (run, result) in sources {
            for value in result.runValues(statistic: statistic, run: run) where seen.insert(value.id).inserted {
                runs.append(value)
            }
        }
        return runs
    }

    /// One value per boot: the geometric mean of its runs (arithmetic when some value is not positive).
    private static func bootCenters(_ runs: [RunValue]) -> [Double] {
        var groups: [String: [Double]] = [:]
        var order: [String] = []
        for run in runs {
            let boot = run.boot ?? "unknown"
            if groups[boot] == nil { order.append(boot) }
            groups[boot, default: []].append(run.value)
        }
        return order.map { center(groups[$0]!) }
    }

    private static func center(_ values: [Double]) -> Double {
        guard values.allSatisfy({ $0 > 0 }) else { return Descriptive.mean(values) }
        return Descriptive.geometricMean(values)
    }

    static func crossMachineReason(runs: Int, boots: Int) -> String {
        let measured = "\(runs) run\(runs == 1 ? "" : "s") from \(boots) other boot\(boots == 1 ? "" : "s")"
        return "not judged: the baseline's \(measured) of the machine; wall time moves more between machines "
            + "than between runs. Judge it with `bench ab`, or --history with runs from \(minimumBootsAcrossMachines)+ boots"
    }
}

/// Whether the candidate ran on a boot of the machine that the reference runs also ran on.
enum MachineRelation {
    /// Every candidate run's boot is among the reference runs' boots.
    case same
    /// Some boot is unknown (files written before boots were recorded): cannot tell.
    case unknown
    /// The candidate ran on another boot; `boots` is how many distinct boots the reference spans.
    case different(boots: Int)

    init(reference: [String?], candidate: [String?]) {
        let referenceBoots = reference.compactMap { $0 }
        let candidateBoots = candidate.compactMap { $0 }
        guard referenceBoots.count == reference.count, candidateBoots.count == candidate.count else {
            self = .unknown
            return
        }
        let known = Set(referenceBoots)
        self = Set(candidateBoots).isSubset(of: known) ? .same : .different(boots: known.count)
    }
}
