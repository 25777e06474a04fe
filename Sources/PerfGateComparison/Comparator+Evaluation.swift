import PerfGateResults
import PerfGateStatistics

/// One (benchmark, metric) on its way through the comparator: the inputs, and the figures
/// computed before the family-wise correction.
struct PendingComparison {
    var benchmark: String
    var metric: String
    var baseline: MetricResult?
    var candidate: MetricResult?
    var limits: ResolvedLimits
    var test: PendingTest?
    /// Why no test could judge the pair (a wall-time metric against a baseline from other machines).
    var noTestReason: String?
    var adjustedPValue: Double?
    var shift: ShiftEstimate?
    var change: [SummaryStatistic: Double] = [:]

    /// Whether the result belongs to the gating family that the correction adjusts.
    var isInGatingFamily: Bool { limits.gating && test != nil }
}

extension Comparator {
    /// Pairs every metric of both runs by benchmark id and metric name, in candidate order,
    /// then the baseline's metrics that the candidate lacks.
    func pairMetrics(baseline: BenchmarkResults, candidate: BenchmarkResults) -> [PendingComparison] {
        var baselineByID: [String: BenchmarkResult] = [:]
        for benchmark in baseline.benchmarks { baselineByID[benchmark.id] = benchmark }
        var pairs: [PendingComparison] = []
        var seen = Set<String>()
        for benchmark in candidate.benchmarks {
            let old = baselineByID[benchmark.id]
            for name in benchmark.metrics.keys.sorted() {
                seen.insert("\(benchmark.id)\u{0}\(name)")
                pairs.append(makePending(benchmark.id, name, baseline: old?.metrics[name], candidate: benchmark.metrics[name]))
            }
        }
        for benchmark in baseline.benchmarks {
            for name in benchmark.metrics.keys.sorted() where !seen.contains("\(benchmark.id)\u{0}\(name)") {
                pairs.append(makePending(benchmark.id, name, baseline: benchmark.metrics[name], candidate: nil))
            }
        }
        return pairs
    }

    private func makePending(
        _ benchmark: String, _ metric: String, baseline: MetricResult?, candidate: MetricResult?
    ) -> PendingComparison {
        PendingComparison(
            benchmark: benchmark, metric: metric, baseline: baseline, candidate: candidate,
            limits: thresholds.limits(forBenchmark: benchmark, metric: metric)
        )
    }

    /// Runs the test, the shift estimate and the relative changes for a pair present in both runs.
    ///
    /// The test's unit follows ``NoiseModel``: exchangeable samples, and any file without block
    /// labels, are tested sample by sample (Mann–Whitney, as the contract describes); wall-time metrics
    /// whose samples carry their worker process are tested by ``clusteredTest``.
    func evaluate(_ pending: PendingComparison, context: RunContext) -> PendingComparison {
        guard let baseline = pending.baseline, let candidate = pending.candidate else { return pending }
        var result = pending
        let isClustered = !NoiseModel.samplesAreExchangeable(metric: pending.metric, unit: candidate.unit)
            && baseline.sampleProcesses != nil && candidate.sampleProcesses != nil
        if isClustered {
            (result.test, result.noTestReason) = clusteredTest(
                benchmark: pending.benchmark, metric: pending.metric, baseline: baseline, candidate: candidate,
                context: context, statistic: pending.limits.statistic
            )
        }
        if !isClustered || (result.test == nil && result.noTestReason == nil) {
            result.test = PendingTest.mannWhitney(candidate: candidate.samples, baseline: baseline.samples, unit: .sample)
        }
        result.adjustedPValue = result.test?.pValue
        result.shift = HodgesLehmann.shift(
            candidate: candidate.samples, baseline: baseline.samples, confidence: 1 - thresholds.alpha
        )
        for statistic in SummaryStatistic.allCases where statistic != .count {
            let old = baseline.summary.value(of: statistic)
            guard old != 0 else { continue }
            result.change[statistic] = (candidate.summary.value(of: statistic) - old) / old
        }
        return result
    }

    /// Adjusts the p-values of the gating family with the configured correction.
    func applyCorrection(to pending: inout [PendingComparison]) {
        guard thresholds.correction == .holm else { return }
        let family = pending.indices.filter { pending[$0].isInGatingFamily }
        let adjusted = HolmBonferroni.adjustedPValues(family.map { pending[$0].test!.pValue })
        for (index, value) in zip(family, adjusted) { pending[index].adjustedPValue = value }
    }
}
