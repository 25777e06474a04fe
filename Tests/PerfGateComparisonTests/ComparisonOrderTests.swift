import PerfGateStatistics
import PerfGateComparison
import PerfGateResults
import Testing

/// The order of results: failing first, then by importance of the status, then by id and metric.
struct ComparisonOrderTests {
    @Test func failingResultsComeFirstThenByStatusThenById() {
        let slow = Fixtures.uniform(1.0, 1.1, seed: 80)
        let base: [String: [Double]] = [
            "a/unchanged": slow, "b/improved": slow, "c/regressed": slow, "d/over-budget": slow,
            "e/inconclusive": Array(slow.prefix(3)), "g/removed": slow, "h/not-gating-regressed": slow,
            "i/regressed": slow, "j/unchanged": slow,
        ]
        let next: [String: [Double]] = [
            "a/unchanged": slow, "b/improved": slow.map { $0 * 0.5 }, "c/regressed": slow.map { $0 * 1.5 },
            "d/over-budget": slow, "e/inconclusive": Array(slow.prefix(3)).map { $0 * 2 }, "f/added": slow,
            "h/not-gating-regressed": slow.map { $0 * 1.5 }, "i/regressed": slow.map { $0 * 1.5 },
            "j/unchanged": slow,
        ]
        let thresholds = Fixtures.thresholds(rules: [
            ThresholdRule(match: "d/*", budget: Budget(max: 0.5)),
            ThresholdRule(match: "h/*", gating: false),
        ])
        // Benchmarks in a scrambled (seeded) order, so the sort, not the input order, decides.
        var generator = SplitMix64(seed: 82)
        let comparison = Fixtures.compare(
            baseline: base.keys.sorted(by: >).map { Fixtures.benchmark($0, seconds: base[$0]!) },
            candidate: next.keys.sorted().shuffled(using: &generator).map {
                Fixtures.benchmark($0, seconds: next[$0]!)
            },
            thresholds: thresholds
        )
        #expect(
            comparison.results.map(\.benchmark) == [
                "d/over-budget", "c/regressed", "i/regressed",  // failing the gate
                "h/not-gating-regressed", "e/inconclusive", "b/improved", "f/added", "g/removed",
                "a/unchanged", "j/unchanged",
            ]
        )
        #expect(
            comparison.results.map(\.status) == [
                .overBudget, .regressed, .regressed, .regressed, .inconclusive, .improved, .added, .removed,
                .unchanged, .unchanged,
            ]
        )
    }

    @Test func metricsOfOneBenchmarkAreOrderedByName() {
        let samples = Fixtures.uniform(1.0, 1.1, seed: 81)
        let metrics = [
            "zeta": Fixtures.metric(samples), "alpha": Fixtures.metric(samples), "mid": Fixtures.metric(samples),
        ]
        let comparison = Fixtures.compare(
            baseline: [Fixtures.benchmark("x", metrics)],
            candidate: [Fixtures.benchmark("x", metrics)]
        )
        #expect(comparison.results.map(\.metric) == ["alpha", "mid", "zeta"])
    }
}
