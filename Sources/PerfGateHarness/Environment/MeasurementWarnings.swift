public import PerfGateResults

/// Limits above which a run's measurements are flagged as unreliable.
public struct MeasurementWarningLimits: Sendable, Hashable {
    /// The one-minute load average before the run, per logical core, above which the machine is
    /// too busy. Default 0.5 (on 2 cores: a load above 1.0).
    public var maximumLoadPerCore: Double
    /// The coefficient of variation (sample standard deviation, n − 1, over the mean) of a
    /// metric's samples above which it is flagged as noisy. Default 0.10 (10 %).
    public var maximumCoefficientOfVariation: Double

    /// Creates limits; see each property for the defaults.
    public init(maximumLoadPerCore: Double = 0.5, maximumCoefficientOfVariation: Double = 0.10) {
        self.maximumLoadPerCore = maximumLoadPerCore
        self.maximumCoefficientOfVariation = maximumCoefficientOfVariation
    }
}

/// Conditions that spoil measurements, as one-line warnings for `run.warnings`.
public enum MeasurementWarnings {
    /// Warnings about the build and the machine: a debug build, and a load average before the run
    /// above `limits.maximumLoadPerCore` × logical cores. Unknown fields give no warning.
    public static func environmentWarnings(
        _ environment: EnvironmentInfo,
        limits: MeasurementWarningLimits = MeasurementWarningLimits()
    ) -> [String] {
        var warnings: [String] = []
        if environment.build == "debug" {
            warnings.append("debug build: timings are not representative; run `swift run -c release bench`")
        }
        if let load = environment.loadAverageBefore, let cores = environment.logicalCores,
            load > limits.maximumLoadPerCore * Double(cores)
        {
            let limit = limits.maximumLoadPerCore * Double(cores)
            warnings.append(
                "load average \(formatted(load)) before the run exceeds \(formatted(limit)) (\(formatted(limits.maximumLoadPerCore)) × \(cores) cores): results may be noisy"
            )
        }
        return warnings
    }

    /// The metrics whose samples' coefficient of variation exceeds the limit, as one short warning:
    /// the metric itself when there is one, else a count per benchmark group (the id's first part:
    /// `api 14, coordination 12`), so that a noisy machine does not bury the output.
    /// ``noisyMetrics(_:limits:)`` lists them one by one (`--verbose`). Metrics with fewer than 2
    /// samples or a mean of 0 are skipped.
    /// - Complexity: O(total samples).
    public static func variationWarnings(
        _ benchmarks: [BenchmarkResult],
        limits: MeasurementWarningLimits = MeasurementWarningLimits()
    ) -> [String] {
        let noisy = noisyMetrics(benchmarks, limits: limits)
        let limit = percent(limits.maximumCoefficientOfVariation)
        switch noisy.count {
        case 0: return []
        case 1:
            return ["\(noisy[0].metric): coefficient of variation \(percent(noisy[0].variation)) exceeds \(limit); the machine may be noisy"]
        default:
            var counts: [String: Int] = [:]
            for item in noisy { counts[String(item.metric.prefix { $0 != "/" && $0 != " " }), default: 0] += 1 }
            let groups = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return [
                "coefficient of variation above \(limit) in \(noisy.count) metrics (\(groups)); the gate models this "
                    + "noise, `--verbose` lists them"
            ]
        }
    }

    /// Every metric whose samples' coefficient of variation exceeds the limit, as `benchmark metric`
    /// with its variation, in benchmark order, then metric name order.
    public static func noisyMetrics(
        _ benchmarks: [BenchmarkResult],
        limits: MeasurementWarningLimits = MeasurementWarningLimits()
    ) -> [(metric: String, variation: Double)] {
        var noisy: [(metric: String, variation: Double)] = []
        for benchmark in benchmarks {
            for name in benchmark.metrics.keys.sorted() {
                guard let samples = benchmark.metrics[name]?.samples,
                    let variation = coefficientOfVariation(samples),
                    variation > limits.maximumCoefficientOfVariation
                else { continue }
                noisy.append(("\(benchmark.id) \(name)", variation))
            }
        }
        return noisy
    }

    /// `x/y noisy 50.0 %`: one line per noisy metric, for `--verbose`.
    public static func variationDetails(
        _ benchmarks: [BenchmarkResult],
        limits: MeasurementWarningLimits = MeasurementWarningLimits()
    ) -> [String] {
        noisyMetrics(benchmarks, limits: limits).map { "\($0.metric) \(percent($0.variation))" }
    }

    /// The warnings of a results file that joins several runs: the load and variation warnings
    /// recomputed for the joined file (its environment is the first run's; its samples are all
    /// runs'), and every other warning of the runs (injections, debug builds) once.
    public static func joinedWarnings(_ results: BenchmarkResults) -> [String] {
        let others = results.run.warnings.filter { !$0.hasPrefix("load average") && !$0.contains("coefficient of variation") }
        let environment = results.run.environment.map { environmentWarnings($0).filter { $0.hasPrefix("load average") } } ?? []
        return environment + variationWarnings(results.benchmarks) + others
    }

    /// Sample standard deviation (n − 1) over |mean|; nil for fewer than 2 samples or a mean of 0.
    /// - Complexity: O(n).
    public static func coefficientOfVariation(_ samples: [Double]) -> Double? {
        guard samples.count >= 2 else { return nil }
        let mean = samples.reduce(0, +) / Double(samples.count)
        guard mean != 0 else { return nil }
        let squares = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(samples.count - 1)).squareRoot() / abs(mean)
    }

    private static func formatted(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return String(rounded)
    }

    private static func percent(_ ratio: Double) -> String {
        "\(formatted(ratio * 100)) %"
    }
}
