extension Thresholds {
    /// What applies when neither the defaults nor any rule says otherwise: gate the median (`p50`),
    /// allow a 5 % regression, and let the metric fail the gate.
    public static let fallbackLimits = ResolvedLimits(statistic: .p50, maxRegression: 0.05, gating: true, budget: nil)

    /// The limits for one metric of one benchmark.
    ///
    /// Starts from ``fallbackLimits``, applies ``defaults``, then every rule that matches (see
    /// ``ThresholdRule/matches(benchmark:metric:)``) in file order; each rule overrides only the fields it
    /// sets. Budget fields merge one by one (`statistic`, `max`, `min`), so a later rule can lower `max`
    /// while keeping an earlier rule's `min`. The result has a budget only if some rule set `max` or `min`;
    /// its `statistic` defaults to the resolved gated `statistic`.
    ///
    /// - Parameters:
    ///   - id: The benchmark id, such as `coordination/contract-net[agents=50]`.
    ///   - metric: The metric name, such as `round_seconds`.
    /// - Returns: The resolved limits.
    /// - Complexity: O(*r*·*n*·*m*) for *r* rules, ids of length *n* and globs of length *m* (in practice
    ///   O(*r*·*n*)).
    public func limits(forBenchmark id: String, metric: String) -> ResolvedLimits {
        var limits = Self.fallbackLimits
        var budget = Budget()
        for rule in [defaults] + matchingRules(forBenchmark: id, metric: metric) {
            if let statistic = rule.statistic { limits.statistic = statistic }
            if let maxRegression = rule.maxRegression { limits.maxRegression = maxRegression }
            if let gating = rule.gating { limits.gating = gating }
            if let ruleBudget = rule.budget {
                if let statistic = ruleBudget.statistic { budget.statistic = statistic }
                if let max = ruleBudget.max { budget.max = max }
                if let min = ruleBudget.min { budget.min = min }
            }
        }
        if budget.max != nil || budget.min != nil {
            budget.statistic = budget.statistic ?? limits.statistic
            limits.budget = budget
        }
        return limits
    }

    /// The rules that apply to one metric of one benchmark, in file order (``defaults`` not included);
    /// useful to show each rule's ``ThresholdRule/reason``.
    ///
    /// - Complexity: O(*r*·*n*·*m*), as ``limits(forBenchmark:metric:)``.
    public func matchingRules(forBenchmark id: String, metric: String) -> [ThresholdRule] {
        rules.filter { $0.matches(benchmark: id, metric: metric) }
    }
}

extension ThresholdRule {
    /// Whether this rule applies: `match` (a ``GlobPattern``) matches the whole id, or is nil, and `metric`
    /// equals the metric name, or is nil.
    ///
    /// - Complexity: O(*n*·*m*) for an id of *n* and a glob of *m* characters.
    public func matches(benchmark id: String, metric metricName: String) -> Bool {
        if let metric, metric != metricName { return false }
        if let match, !GlobPattern(match).matches(id) { return false }
        return true
    }
}
