extension Thresholds {
    /// The thresholds as a JSON document: `schema`, `alpha`, `correction`, `defaults`, `rules`.
    ///
    /// Rules keep their order; within a rule, fields appear as `match`, `metric`, `statistic`,
    /// `maxRegression`, `gating`, `budget` (`statistic`, `max`, `min`), `reason`, unset ones left out.
    /// Whole numbers such as a budget of 36175872 bytes are written without `.0`.
    ///
    /// - Complexity: O(*r*) in the number of rules.
    public var jsonValue: JSONValue {
        .object([
            ("schema", .string(schema)),
            ("alpha", .number(alpha)),
            ("correction", .string(correction.rawValue)),
            ("defaults", defaults.jsonValue),
            ("rules", .array(rules.map(\.jsonValue))),
        ])
    }
}

extension ThresholdRule {
    /// The rule as a JSON object, set fields only, in the order of the contract.
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let match { members.append(("match", .string(match))) }
        if let metric { members.append(("metric", .string(metric))) }
        if let statistic { members.append(("statistic", .string(statistic.rawValue))) }
        if let maxRegression { members.append(("maxRegression", .number(maxRegression))) }
        if let gating { members.append(("gating", .bool(gating))) }
        if let budget { members.append(("budget", budget.jsonValue)) }
        if let reason { members.append(("reason", .string(reason))) }
        return .object(members)
    }
}

extension Budget {
    /// The budget as a JSON object: `statistic`, `max`, `min`, set fields only.
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let statistic { members.append(("statistic", .string(statistic.rawValue))) }
        if let max { members.append(("max", Self.number(max))) }
        if let min { members.append(("min", Self.number(min))) }
        return .object(members)
    }

    /// Whole numbers within ±2^53 as integers (`36175872`, not `36175872.0`), others as numbers.
    private static func number(_ value: Double) -> JSONValue {
        if value.isFinite, value.rounded() == value, abs(value) <= 0x1p53 { return .integer(Int(value)) }
        return .number(value)
    }
}
