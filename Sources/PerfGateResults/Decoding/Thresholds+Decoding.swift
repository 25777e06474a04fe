import PerfGateStatistics

extension Thresholds {
    /// The major versions of `perfgate/thresholds` this library reads.
    public static let understoodMajorVersions = [1]

    /// Decodes and validates a thresholds document, reporting the first problem with its JSON path.
    ///
    /// Unlike results files, thresholds files are strict: an unknown field anywhere is an error (with a
    /// "did you mean" for typos such as `maxRegresion`), because a misspelt limit would otherwise silently
    /// do nothing. Checked: `schema` first (`perfgate/thresholds@1`); `alpha` in (0, 1) exclusive;
    /// `correction` `holm` or `none`; statistic names; `maxRegression` finite and ≥ 0; `gating` Boolean;
    /// budgets with `max` and/or `min`, finite, `max ≥ min`; `match` a non-empty glob; `metric` a metric
    /// name; `reason` a string. `defaults` may not hold `match` or `metric`.
    ///
    /// Optional: `alpha` (0.01), `correction` (`holm`), `defaults` (none: ``fallbackLimits`` apply) and
    /// `rules` (none).
    ///
    /// - Parameters:
    ///   - json: The parsed document.
    ///   - file: The file name to put in errors.
    /// - Throws: ``ResultsError`` naming `file`, the JSON path and a fix.
    /// - Complexity: O(*n*) in the size of the document.
    public init(json: JSONValue, file: String) throws(ResultsError) {
        do {
            self = try Self.decode(json)
        } catch {
            throw error.resultsError(file: file, defaultHint: ThresholdsFile.fixHint)
        }
    }

    static func decode(_ json: JSONValue) throws(DecodingFailure) -> Thresholds {
        let root = try ObjectReader(json, at: .root, what: "a perfgate thresholds document")
        let schema = try SchemaCheck.check(
            root.optional("schema"),
            at: root.path.appending("schema"),
            expected: "perfgate/thresholds",
            understood: understoodMajorVersions,
            fileKind: "thresholds"
        )
        try root.rejectUnknownKeys(allowed: ["schema", "alpha", "correction", "defaults", "rules"])
        let alpha = try root.optional("alpha", decodeAlpha)
        let correction = try root.optional("correction") { (value, path) throws(DecodingFailure) in
            try JSONRead.enumeration(Correction.self, value, at: path)
        }
        let defaults = try root.optional("defaults") { (value, path) throws(DecodingFailure) in
            try ThresholdRule.decode(value, at: path, isDefaults: true)
        }
        let rules = try root.optional("rules") { (value, path) throws(DecodingFailure) in
            var rules: [ThresholdRule] = []
            for (index, element) in try JSONRead.array(value, at: path).enumerated() {
                rules.append(try ThresholdRule.decode(element, at: path.appending(index), isDefaults: false))
            }
            return rules
        }
        return Thresholds(
            schema: schema,
            alpha: alpha ?? 0.01,
            correction: correction ?? .holm,
            defaults: defaults ?? ThresholdRule(),
            rules: rules ?? []
        )
    }

    private static func decodeAlpha(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> Double {
        let alpha = try JSONRead.finiteNumber(value, at: path)
        guard alpha > 0, alpha < 1 else {
            throw DecodingFailure(
                path,
                "alpha must be between 0 and 1 (exclusive), found \(value.briefDescription)",
                hint: "use a significance level such as 0.01 or 0.05"
            )
        }
        return alpha
    }
}

extension ThresholdRule {
    private static let settingKeys = ["statistic", "maxRegression", "gating", "budget", "reason"]

    static func decode(_ value: JSONValue, at path: JSONPath, isDefaults: Bool) throws(DecodingFailure) -> ThresholdRule
    {
        let object = try ObjectReader(value, at: path, what: isDefaults ? "the defaults" : "a rule")
        if isDefaults, let key = ["match", "metric"].first(where: { object.optional($0) != nil }) {
            throw DecodingFailure(
                path.appending(key),
                "\"\(key)\" has no meaning in defaults, which apply to every metric",
                hint: "move it to a rule in \"rules\""
            )
        }
        try object.rejectUnknownKeys(allowed: (isDefaults ? [] : ["match", "metric"]) + settingKeys)
        return ThresholdRule(
            match: try object.optional("match", decodeGlob),
            metric: try object.optional("metric") { (value, path) throws(DecodingFailure) in
                let metric = try JSONRead.string(value, at: path)
                guard BenchmarkResult.isValidKey(metric) else {
                    throw DecodingFailure(
                        path,
                        "invalid metric name \(value.briefDescription)",
                        hint: "a metric name is letters, digits, '.', '_' and '-'; omit \"metric\" to match all"
                    )
                }
                return metric
            },
            statistic: try object.optional("statistic", decodeStatistic),
            maxRegression: try object.optional("maxRegression") { (value, path) throws(DecodingFailure) in
                let limit = try JSONRead.finiteNumber(value, at: path)
                guard limit >= 0 else {
                    throw DecodingFailure(
                        path,
                        "maxRegression must be ≥ 0, found \(value.briefDescription)",
                        hint: "write the allowed worsening as a positive fraction, e.g. 0.10 for 10 %"
                    )
                }
                return limit
            },
            gating: try object.optional("gating", JSONRead.bool),
            budget: try object.optional("budget", Budget.decode),
            reason: try object.optional("reason", JSONRead.string)
        )
    }

    private static func decodeGlob(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> String {
        let glob = try JSONRead.string(value, at: path)
        guard !glob.isEmpty else {
            throw DecodingFailure(
                path,
                "empty glob",
                hint: "use \"*\" to match every benchmark, or omit \"match\""
            )
        }
        return glob
    }

    fileprivate static func decodeStatistic(
        _ value: JSONValue,
        at path: JSONPath
    ) throws(DecodingFailure) -> SummaryStatistic {
        try JSONRead.enumeration(SummaryStatistic.self, value, at: path)
    }
}

extension Budget {
    static func decode(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> Budget {
        let object = try ObjectReader(value, at: path, what: "a budget")
        try object.rejectUnknownKeys(allowed: ["statistic", "max", "min"])
        let budget = Budget(
            statistic: try object.optional("statistic", ThresholdRule.decodeStatistic),
            max: try object.optional("max", JSONRead.finiteNumber),
            min: try object.optional("min", JSONRead.finiteNumber)
        )
        if budget.max == nil, budget.min == nil {
            throw DecodingFailure(path, "a budget needs \"max\" and/or \"min\"", hint: "add a limit or drop the budget")
        }
        if let max = budget.max, let min = budget.min, max < min {
            throw DecodingFailure(
                path.appending("max"),
                "budget max \(max) is below min \(min)",
                hint: "swap them or fix one"
            )
        }
        return budget
    }
}
