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
    /// round concatenated in round order, with the summary recomputed. Each sample keeps its round
    /// (the A/B pair it belongs to) as its block in `sampleProcesses`: a round is one worker process
    /// per side, so the comparator tests wall time with the round, not the sample, as its unit.
    /// - Complexity: O(total samples × log) for the summaries.
    static func pooled(_ rounds: [Round]) -> [BenchmarkResult] {
        /// One metric's samples so far and the round (block) of each.
        struct Pool {
            var unit: String
            var better: Better
            var samples: [Double] = []
            var blocks: [Int] = []
        }
        var order: [String] = []
        var shells: [String: BenchmarkResult] = [:]
        var pools: [String: [String: Pool]] = [:]
        for (roundIndex, round) in rounds.enumerated() {
            for id in round.keys.sorted() {
                guard let benchmark = round[id] else { continue }
                if shells[id] == nil {
                    order.append(id)
                    shells[id] = benchmark
                }
                for (name, metric) in benchmark.metrics {
                    var pool = pools[id]?[name] ?? Pool(unit: metric.unit, better: metric.better)
                    pool.samples += metric.samples
                    pool.blocks += Array(repeating: roundIndex, count: metric.samples.count)
                    pools[id, default: [:]][name] = pool
                }
            }
        }
        return order.compactMap { id in
            guard var benchmark = shells[id] else { return nil }
            benchmark.metrics = [:]
            for (name, pool) in pools[id] ?? [:] where !pool.samples.isEmpty {
                benchmark.metrics[name] = MetricResult(
                    unit: pool.unit, better: pool.better, samples: pool.samples, sampleProcesses: pool.blocks
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
