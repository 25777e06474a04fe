extension Comparator {
    /// The metric name of derived scaling benchmarks (`scaling/*`), as `PerfGateScenarios` writes it.
    static let scalingExponentMetric = "scaling_exponent"

    /// For a regressed `scaling_exponent`, a clause that says what it means: the cost grows faster
    /// with the agent count than in the baseline, so the largest counts slowed more than the smallest.
    /// Empty for every other metric.
    ///
    /// - Parameters:
    ///   - metric: The metric name.
    ///   - benchmark: The benchmark id (`scaling/coordination/contract-net`).
    ///   - old: The baseline's gated statistic of the exponent.
    ///   - new: The candidate's gated statistic of the exponent.
    static func scalingNote(metric: String, benchmark: String, old: Double, new: Double) -> String {
        guard metric == scalingExponentMetric else { return "" }
        let prefix = "scaling/"
        let scenario = benchmark.hasPrefix(prefix) ? String(benchmark.dropFirst(prefix.count)) : benchmark
        return "; \(scenario) scales worse with the agent count: time ∝ agents^\(format(old)) became "
            + "agents^\(format(new)), so the largest agent counts slowed more than the smallest"
    }
}
