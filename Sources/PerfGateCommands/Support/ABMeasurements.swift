import Foundation
import PerfGateResults
import PerfGateStatistics

/// The samples `bench ab` collected, block by block, and the two ways of comparing them:
/// pooling each side's samples, or pairing each round's head block with its base block.
struct ABMeasurements: Sendable {
    /// The benchmarks one side measured in one round, by id.
    typealias Round = [String: BenchmarkResult]

    /// Per round, the base side's benchmarks.
    var base: [Round]
    /// Per round, the head side's benchmarks.
    var head: [Round]
    /// The run information of the first block of each side (machine, commit, suite).
    var baseRun: RunInfo?
    var headRun: RunInfo?

    /// Empty measurements for `rounds` rounds.
    init(rounds: Int) {
        base = Array(repeating: [:], count: rounds)
        head = Array(repeating: [:], count: rounds)
    }

    /// Records what one block measured.
    mutating func record(_ results: BenchmarkResults, side: ABRevision.Side, round: Int) {
        for benchmark in results.benchmarks {
            switch side {
            case .base: base[round][benchmark.id] = benchmark
            case .head: head[round][benchmark.id] = benchmark
            }
        }
        switch side {
        case .base: if baseRun == nil { baseRun = results.run }
        case .head: if headRun == nil { headRun = results.run }
        }
    }

    /// One side's samples pooled over all rounds: per benchmark and metric, the samples of every
    /// round concatenated in round order, with the summary recomputed.
    /// - Complexity: O(total samples × log) for the summaries.
    static func pooled(_ rounds: [Round]) -> [BenchmarkResult] {
        var order: [String] = []
        var merged: [String: BenchmarkResult] = [:]
        for round in rounds {
            for id in round.keys.sorted() {
                guard let benchmark = round[id] else { continue }
                guard var existing = merged[id] else {
                    order.append(id)
                    merged[id] = benchmark
                    continue
                }
                for (name, metric) in benchmark.metrics {
                    if var old = existing.metrics[name] {
                        old.samples += metric.samples
                        old.sampleProcesses = nil
                        old.sampleRounds = nil
                        existing.metrics[name] = old
                    } else {
                        existing.metrics[name] = metric
                    }
                }
                merged[id] = existing
            }
        }
        return order.compactMap { id in
            guard var benchmark = merged[id] else { return nil }
            for (name, metric) in benchmark.metrics {
                benchmark.metrics[name] = MetricResult(
                    unit: metric.unit,
                    better: metric.better,
                    samples: metric.samples
                )
            }
            return benchmark
        }
    }

    /// The paired differences of one metric: for every round in which both sides measured it,
    /// log(head median / base median), or head median − base median when some median is not
    /// positive (counts and ratios that can be 0). Positive means the head's value is larger.
    /// - Complexity: O(rounds × samples per block × log).
    static func pairedDifferences(base: [Round], head: [Round], benchmark: String, metric: String) -> [Double] {
        var pairs: [(base: Double, head: Double)] = []
        for (baseRound, headRound) in zip(base, head) {
            guard let old = baseRound[benchmark]?.metrics[metric], let new = headRound[benchmark]?.metrics[metric],
                !old.samples.isEmpty, !new.samples.isEmpty
            else { continue }
            pairs.append((Descriptive.median(old.samples), Descriptive.median(new.samples)))
        }
        let usesRatios = pairs.allSatisfy { $0.base > 0 && $0.head > 0 }
        return pairs.map { usesRatios ? Foundation.log($0.head / $0.base) : $0.head - $0.base }
    }
}
