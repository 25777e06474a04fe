public import PerfGateResults
import PerfGateStatistics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DerivedMetrics {
    /// The name prefix of the derived scaling benchmarks: `scaling/coordination/contract-net`.
    public static let scalingPrefix = "scaling/"
    /// The metric of a scaling benchmark: the log–log slope of time against agent count.
    public static let scalingMetric = "scaling_exponent"
    /// At most this many slopes (samples) per scaling benchmark.
    public static let maxScalingSamples = 30

    /// Adds one `scaling/<scenario name>` benchmark per coordination or API scenario that ran at two
    /// or more agent counts, with the metric `scaling_exponent` (unit `ratio`, lower is better).
    ///
    /// The exponent *b* fits time ≈ *a* · agents^*b* (least squares on log time against log agents):
    /// 0 means the cost does not grow with agents, 1 means it grows linearly. Coordination uses
    /// `round_seconds`, the API scenarios `latency_seconds`.
    ///
    /// Samples: each agent count's samples (in measurement order) are cut into *k* equal chunks,
    /// *k* = min(30, the smallest sample count), and chunk *i*'s medians across the agent counts give
    /// slope *i*. Benchmarks of a suite run interleaved, so chunk *i* of every agent count was measured
    /// by the same worker process in the same round: a process that runs 2× slower scales every
    /// count alike and cancels out of the slope. The spread of the *k* slopes is the exponent's
    /// uncertainty, and the comparator's Mann–Whitney test sees *k* samples per side. A chunk's
    /// process index is its first sample's, when known.
    ///
    /// - Complexity: O(Σ n log n) over the samples of the source metrics.
    public static func addScalingExponents(to results: inout [BenchmarkResult]) {
        var groups: [String: [(agents: Int, metric: MetricResult)]] = [:]
        var order: [String] = []
        for result in results {
            guard let source = scalingSource(scenario: result.scenario), case .int(let agents) = result.parameters["agents"],
                agents > 0, let metric = result.metrics[source], !metric.samples.isEmpty
            else { continue }
            if groups[result.name] == nil { order.append(result.name) }
            groups[result.name, default: []].append((agents, metric))
        }
        for name in order {
            guard let points = groups[name], let metric = scalingMetric(points: points) else { continue }
            let scalingName = scalingPrefix + name
            results.append(
                BenchmarkResult(
                    id: scalingName, name: scalingName, scenario: "scaling", parameters: [:],
                    metrics: [scalingMetric: metric]
                )
            )
        }
    }

    /// The metric whose growth with agents is measured for a scenario kind, or nil for kinds without one.
    public static func scalingSource(scenario: String) -> String? {
        switch ScenarioKind(rawValue: scenario) {
        case .coordination: "round_seconds"
        case .apiStep, .apiMixed: "latency_seconds"
        default: nil
        }
    }

    /// The chunk slopes of `points` as a metric, or nil with fewer than two distinct agent counts
    /// or a non-positive chunk median.
    static func scalingMetric(points: [(agents: Int, metric: MetricResult)]) -> MetricResult? {
        let sorted = points.sorted { $0.agents < $1.agents }
        guard Set(sorted.map(\.agents)).count >= 2 else { return nil }
        let chunkCount = min(maxScalingSamples, sorted.map(\.metric.samples.count).min() ?? 0)
        guard chunkCount > 0 else { return nil }
        let medians = sorted.map { chunkMedians($0.metric.samples, chunks: chunkCount) }
        var slopes: [Double] = []
        for chunk in 0..<chunkCount {
            guard let slope = logLogSlope(agents: sorted.map(\.agents), values: medians.map { $0[chunk] }) else { return nil }
            slopes.append(slope)
        }
        let first = sorted[0].metric
        let processes = first.sampleProcesses.map { processes in
            (0..<chunkCount).map { processes[$0 * first.samples.count / chunkCount] }
        }
        let rounds = first.sampleRounds.map { rounds in
            (0..<chunkCount).map { rounds[$0 * first.samples.count / chunkCount] }
        }
        return MetricResult(
            unit: "exponent", better: .lower, samples: slopes, sampleProcesses: processes, sampleRounds: rounds
        )
    }

    /// The median of each of `chunks` consecutive, nearly equal parts of `samples` (sizes differ by at most 1).
    ///
    /// - Precondition: 1 ≤ `chunks` ≤ `samples.count`.
    public static func chunkMedians(_ samples: [Double], chunks: Int) -> [Double] {
        (0..<chunks).map { chunk in
            let lower = chunk * samples.count / chunks
            let upper = (chunk + 1) * samples.count / chunks
            return Quantile.type7(0.5, of: Array(samples[lower..<upper]))
        }
    }

    /// The least-squares slope of ln(value) on ln(agents), or nil when a value is not positive or all
    /// agent counts are equal.
    ///
    /// - Complexity: O(n).
    public static func logLogSlope(agents: [Int], values: [Double]) -> Double? {
        guard agents.count == values.count, agents.count >= 2, values.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        let xs = agents.map { log(Double($0)) }
        let ys = values.map { log($0) }
        let meanX = xs.reduce(0, +) / Double(xs.count)
        let meanY = ys.reduce(0, +) / Double(ys.count)
        var covariance = 0.0
        var variance = 0.0
        for (x, y) in zip(xs, ys) {
            covariance += (x - meanX) * (y - meanY)
            variance += (x - meanX) * (x - meanX)
        }
        return variance > 0 ? covariance / variance : nil
    }
}
