public import PerfGateResults
import PerfGateStatistics

/// The contract's comparison format (`perfgate/comparison@1`), as written by `bench compare --format json`.
///
/// Keys appear in the contract's order; optional parts (`test`, `shift`, `limit`, summaries,
/// changes whose baseline is 0) are left out when absent rather than written as `null`.
public enum ComparisonJSON {
    /// The comparison as a JSON value.
    public static func encode(_ comparison: Comparison) -> JSONValue {
        .object([
            ("schema", .string(comparison.schema)),
            ("verdict", .string(comparison.verdict.rawValue)),
            ("alpha", .number(comparison.alpha)),
            ("correction", .string(comparison.correction.rawValue)),
            ("baseline", encode(comparison.baseline)),
            ("candidate", encode(comparison.candidate)),
            ("warnings", .array(comparison.warnings.map(JSONValue.string))),
            ("results", .array(comparison.results.map(encode))),
        ])
    }

    /// The comparison as pretty-printed JSON text ending with a newline.
    public static func serialized(_ comparison: Comparison) -> String {
        encode(comparison).serialized(pretty: true) + "\n"
    }

    private static func encode(_ run: RunReference) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("path", .string(run.path)), ("runId", .string(run.runId))]
        if let commit = run.commit { members.append(("commit", .string(commit))) }
        return .object(members)
    }

    private static func encode(_ result: MetricComparison) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("benchmark", .string(result.benchmark)),
            ("metric", .string(result.metric)),
            ("unit", .string(result.unit)),
            ("better", .string(result.better.rawValue)),
            ("status", .string(result.status.rawValue)),
            ("gating", .bool(result.gating)),
            ("statistic", .string(result.statistic.rawValue)),
        ]
        if let baseline = result.baseline { members.append(("baseline", encode(baseline))) }
        if let candidate = result.candidate { members.append(("candidate", encode(candidate))) }
        let changes = SummaryStatistic.allCases.compactMap { statistic in
            result.change[statistic].map { (key: statistic.rawValue, value: number($0)) }
        }
        if !changes.isEmpty { members.append(("change", .object(changes))) }
        if let test = result.test { members.append(("test", encode(test))) }
        if let shift = result.shift { members.append(("shift", encode(shift))) }
        if let limit = result.limit { members.append(("limit", encode(limit))) }
        if let needed = result.samplesNeeded { members.append(("samplesNeeded", .integer(needed))) }
        members.append(("reason", .string(result.reason)))
        return .object(members)
    }

    private static func encode(_ summary: SampleSummary) -> JSONValue {
        .object(
            SummaryStatistic.allCases.map { statistic in
                statistic == .count
                    ? (key: "count", value: .integer(summary.count))
                    : (key: statistic.rawValue, value: number(summary.value(of: statistic)))
            }
        )
    }

    /// `name`, `method`, `u` (rank tests) or `t` and `degreesOfFreedom` (`run-level-t`, method
    /// `student-t`), then, when the unit is not the sample, `unit` with `baselineUnits` and
    /// `candidateUnits`, then `pValue` and `adjustedPValue`. A sample-level test is written exactly
    /// as the contract shows it.
    private static func encode(_ test: TestOutcome) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(test.name)), ("method", .string(test.method?.rawValue ?? "student-t")),
        ]
        if let u = test.u { members.append(("u", .number(u))) }
        if let t = test.t { members.append(("t", number(t))) }
        if let degrees = test.degreesOfFreedom { members.append(("degreesOfFreedom", .integer(degrees))) }
        if test.unit != .sample {
            members.append(("unit", .string(test.unit.rawValue)))
            if let count = test.baselineCount { members.append(("baselineUnits", .integer(count))) }
            if let count = test.candidateCount { members.append(("candidateUnits", .integer(count))) }
        }
        members.append(("pValue", number(test.pValue)))
        members.append(("adjustedPValue", number(test.adjustedPValue)))
        return .object(members)
    }

    private static func encode(_ shift: ShiftEstimate) -> JSONValue {
        .object([
            ("estimate", number(shift.estimate)),
            ("low", number(shift.low)),
            ("high", number(shift.high)),
            ("confidence", .number(shift.confidence)),
        ])
    }

    private static func encode(_ limit: AppliedLimit) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let maxRegression = limit.maxRegression { members.append(("maxRegression", .number(maxRegression))) }
        if limit.budgetMax != nil || limit.budgetMin != nil {
            var budget: [(key: String, value: JSONValue)] = []
            if let statistic = limit.budgetStatistic { budget.append(("statistic", .string(statistic.rawValue))) }
            if let max = limit.budgetMax { budget.append(("max", .number(max))) }
            if let min = limit.budgetMin { budget.append(("min", .number(min))) }
            members.append(("budget", .object(budget)))
        }
        return .object(members)
    }

    /// A finite number, or a string for the infinities a relative change can reach (JSON has no ∞).
    private static func number(_ value: Double) -> JSONValue {
        if value.isFinite { return .number(value) }
        return .string(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity")
    }
}
