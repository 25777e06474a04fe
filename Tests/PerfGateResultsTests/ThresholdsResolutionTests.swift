import PerfGateResults
import PerfGateStatistics
import Testing

struct ThresholdsResolutionTests {
    @Test(arguments: [
        (
            "coordination/contract-net[agents=50]", "round_seconds",
            ResolvedLimits(statistic: .p50, maxRegression: 0.05, gating: true, budget: nil)
        ),
        (
            "coordination/contract-net[agents=50]", "throughput_per_second",
            ResolvedLimits(statistic: .p50, maxRegression: 0.05, gating: false, budget: nil)
        ),
        (
            "coordination/contract-net[agents=50]", "timeout_ratio",
            ResolvedLimits(
                statistic: .p50,
                maxRegression: 0.05,
                gating: true,
                budget: Budget(statistic: .mean, max: 0.05)
            )
        ),
        (
            "coordination/contract-net[agents=50]", "other_seconds",
            ResolvedLimits(statistic: .p50, maxRegression: 0.05, gating: true, budget: nil)
        ),
        (
            "memory/agents[agents=100]", "bytes_per_agent",
            ResolvedLimits(
                statistic: .p50,
                maxRegression: 0.02,
                gating: true,
                budget: Budget(statistic: .max, max: 36_175_872)
            )
        ),
        (
            "memory/agents[agents=100]", "rss_bytes_per_agent",
            ResolvedLimits(
                statistic: .p50,
                maxRegression: 0.02,
                gating: true,
                budget: Budget(statistic: .max, max: 36_175_872)
            )
        ),
        (
            "memory/agents[agents=100]", "peak_rss_bytes",
            ResolvedLimits(statistic: .p50, maxRegression: 0.05, gating: false, budget: nil)
        ),
        (
            "api/get[clients=8]", "latency_seconds",
            ResolvedLimits(
                statistic: .p95,
                maxRegression: 0.05,
                gating: true,
                budget: Budget(statistic: .p95, max: 0.5)
            )
        ),
        (
            "api/get[clients=8]", "error_ratio",
            ResolvedLimits(
                statistic: .p50,
                maxRegression: 0.05,
                gating: true,
                budget: Budget(statistic: .mean, max: 0.01)
            )
        ),
        (
            "belief/update[states=64]", "update_seconds",
            ResolvedLimits(statistic: .p50, maxRegression: 0.05, gating: true, budget: nil)
        ),
        (
            "api-v2/get", "latency_seconds",
            ResolvedLimits(statistic: .p50, maxRegression: 0.05, gating: true, budget: nil)
        ),
    ])
    func theEmbeddedDefaultsResolveAsSpecified(id: String, metric: String, expected: ResolvedLimits) {
        #expect(Thresholds.default.limits(forBenchmark: id, metric: metric) == expected)
    }

    static let layered = Thresholds(
        alpha: 0.05,
        correction: .none,
        defaults: ThresholdRule(statistic: .p90, maxRegression: 0.2),
        rules: [
            ThresholdRule(match: "*", budget: Budget(max: 10, min: 1)),
            ThresholdRule(match: "a/*", metric: "m", statistic: .mean, budget: Budget(statistic: .p99, max: 5)),
            ThresholdRule(match: "a/x*", metric: "m", maxRegression: 0.01, gating: false),
            ThresholdRule(match: "a/xy", budget: Budget(min: 2)),
            ThresholdRule(metric: "n", gating: true),
        ]
    )

    @Test(arguments: [
        (
            "b/z", "m",
            ResolvedLimits(
                statistic: .p90,
                maxRegression: 0.2,
                gating: true,
                budget: Budget(statistic: .p90, max: 10, min: 1)
            )
        ),
        (
            "a/z", "m",
            ResolvedLimits(
                statistic: .mean,
                maxRegression: 0.2,
                gating: true,
                budget: Budget(statistic: .p99, max: 5, min: 1)
            )
        ),
        (
            "a/x1", "m",
            ResolvedLimits(
                statistic: .mean,
                maxRegression: 0.01,
                gating: false,
                budget: Budget(statistic: .p99, max: 5, min: 1)
            )
        ),
        (
            "a/xy", "m",
            ResolvedLimits(
                statistic: .mean,
                maxRegression: 0.01,
                gating: false,
                budget: Budget(statistic: .p99, max: 5, min: 2)
            )
        ),
        (
            "a/xy", "n",
            ResolvedLimits(
                statistic: .p90,
                maxRegression: 0.2,
                gating: true,
                budget: Budget(statistic: .p90, max: 10, min: 2)
            )
        ),
    ])
    func laterRulesOverrideEarlierOnesFieldByField(id: String, metric: String, expected: ResolvedLimits) {
        #expect(Self.layered.limits(forBenchmark: id, metric: metric) == expected)
    }

    @Test func withoutDefaultsOrRulesTheFallbackApplies() {
        let empty = Thresholds(alpha: 0.01, correction: .holm, defaults: ThresholdRule(), rules: [])
        #expect(empty.limits(forBenchmark: "x", metric: "y") == Thresholds.fallbackLimits)
    }

    @Test func matchingRulesAreListedInFileOrder() {
        let rules = Self.layered.matchingRules(forBenchmark: "a/xy", metric: "m")
        #expect(rules == Array(Self.layered.rules[0...3]))
    }
}
