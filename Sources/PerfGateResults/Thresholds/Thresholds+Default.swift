extension Thresholds {
    /// The project's thresholds, used when no thresholds file is given; `Benchmarks/thresholds.json`
    /// holds the same content (write it with ``ThresholdsFile/encode(_:file:)``).
    ///
    /// Alpha 0.01 with Holm's correction; by default the median may regress by 5 %. Coordination rounds
    /// gate p95 and throughput p50 at 10 %, with a 5 % mean timeout budget; memory per agent has a 34.5 MiB
    /// budget; API latency gates p95 at 10 % with a 0.5 s p95 budget and a 1 % error budget; belief updates
    /// gate p50 at 10 %. Peak RSS is reported but never gates.
    public static let `default` = Thresholds(
        alpha: 0.01,
        correction: .holm,
        defaults: ThresholdRule(
            statistic: .p50,
            maxRegression: 0.05,
            reason: "Medians resist outliers; 5 % is above the run-to-run noise of our quiet CI machines."
        ),
        rules: coordinationRules + memoryRules + apiRules + beliefRules
    )

    /// 34.5 MiB, the memory budget per agent, in bytes.
    private static let memoryBudgetPerAgent = 36_175_872.0

    private static let coordinationRules = [
        ThresholdRule(
            match: "coordination/*",
            metric: "round_seconds",
            statistic: .p95,
            maxRegression: 0.10,
            reason: "Round latency tails decide deadlines; p95 at 10 % tolerates scheduler noise on 2 cores."
        ),
        ThresholdRule(
            match: "coordination/*",
            metric: "throughput_per_second",
            statistic: .p50,
            maxRegression: 0.10,
            reason: "Throughput is a mean-like rate; 10 % on the median keeps noise from failing the gate."
        ),
        ThresholdRule(
            match: "coordination/*",
            metric: "timeout_ratio",
            gating: true,
            budget: Budget(statistic: .mean, max: 0.05),
            reason: "More than 5 % of rounds timing out breaks the contract-net protocol whatever the baseline."
        ),
    ]

    private static let memoryRules = [
        ThresholdRule(
            match: "memory/*",
            metric: "bytes_per_agent",
            maxRegression: 0.05,
            budget: Budget(statistic: .max, max: memoryBudgetPerAgent),
            reason: "Heap per agent is deterministic; 5 % growth or more than 34.5 MiB per agent is a leak."
        ),
        ThresholdRule(
            match: "memory/*",
            metric: "rss_bytes_per_agent",
            maxRegression: 0.10,
            budget: Budget(statistic: .max, max: memoryBudgetPerAgent),
            reason: "RSS includes allocator slack, so it gets 10 %, under the same 34.5 MiB per-agent budget."
        ),
        ThresholdRule(
            match: "memory/*",
            metric: "peak_rss_bytes",
            gating: false,
            reason: "Peak RSS depends on the allocator and the kernel; reported for context, never gating."
        ),
    ]

    private static let apiRules = [
        ThresholdRule(
            match: "api/*",
            metric: "latency_seconds",
            statistic: .p95,
            maxRegression: 0.10,
            budget: Budget(statistic: .p95, max: 0.5),
            reason: "Clients feel the tail: p95 may not grow by 10 % nor exceed the 500 ms service level."
        ),
        ThresholdRule(
            match: "api/*",
            metric: "error_ratio",
            budget: Budget(statistic: .mean, max: 0.01),
            reason: "The service level allows at most 1 % failed requests."
        ),
    ]

    private static let beliefRules = [
        ThresholdRule(
            match: "belief/*",
            metric: "update_seconds",
            statistic: .p50,
            maxRegression: 0.10,
            reason: "Belief updates are short CPU-bound steps; 10 % on the median stays above timer noise."
        )
    ]
}
