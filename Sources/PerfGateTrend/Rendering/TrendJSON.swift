public import PerfGateResults

/// The trend report as JSON (`perfgate/trend@1`), for other tools; docs/trend.md's
/// section documents every field.
///
/// Keys appear in a fixed order; absent commits and relative changes (median before 0) are left out
/// rather than written as `null`.
public enum TrendJSON {
    /// The report as a JSON value.
    /// - Complexity: O(n) in the total number of points.
    public static func encode(_ report: TrendReport) -> JSONValue {
        let detector = report.detector
        return .object([
            ("schema", .string(TrendReport.schema)),
            (
                "detection",
                .object([
                    ("method", .string("e-divisive-means")), ("statistic", .string("p50")),
                    ("alpha", .number(detector.alpha)), ("permutations", .integer(detector.permutations)),
                    ("minimumSegmentLength", .integer(detector.minimumSegmentLength)),
                    ("maximumChangePoints", .integer(detector.maximumChangePoints)),
                    ("seed", .string(String(detector.seed))),
                ])
            ),
            ("runs", .array(report.runs.enumerated().map { encode($1, index: $0) })),
            ("series", .array(report.series.map { encode($0, runs: report.runs) })),
            ("warnings", .array(report.warnings.map(JSONValue.string))),
        ])
    }

    /// The report as pretty-printed JSON text ending with a newline.
    public static func serialized(_ report: TrendReport) -> String {
        encode(report).serialized(pretty: true) + "\n"
    }

    private static func encode(_ run: TrendRun, index: Int) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("index", .integer(index)), ("id", .string(run.id)), ("startedAt", .string(run.startedAt)),
        ]
        if let commit = run.commit { members.append(("commit", .string(commit))) }
        members.append(("path", .string(run.path)))
        return .object(members)
    }

    private static func encode(_ series: TrendSeries, runs: [TrendRun]) -> JSONValue {
        let points = series.points.map { point -> JSONValue in
            .object([
                ("run", .integer(point.run)), ("p5", .number(point.p5)), ("p50", .number(point.p50)),
                ("p95", .number(point.p95)), ("count", .integer(point.count)),
            ])
        }
        return .object([
            ("benchmark", .string(series.benchmark)), ("metric", .string(series.metric)),
            ("unit", .string(series.unit)), ("better", .string(series.better.rawValue)),
            ("points", .array(points)),
            ("changePoints", .array(series.changePoints.map { encode($0, series: series, runs: runs) })),
        ])
    }

    private static func encode(_ change: ChangePoint, series: TrendSeries, runs: [TrendRun]) -> JSONValue {
        let run = TrendSummary.run(of: change, in: series, runs: runs)
        var members: [(key: String, value: JSONValue)] = [
            ("index", .integer(change.index)), ("run", .integer(series.points[change.index].run)),
            ("runId", .string(run?.id ?? "")),
        ]
        if let commit = run?.commit { members.append(("commit", .string(commit))) }
        members += [
            ("medianBefore", .number(change.medianBefore)), ("medianAfter", .number(change.medianAfter)),
        ]
        if let relative = change.relativeChange { members.append(("relativeChange", .number(relative))) }
        members += [
            ("direction", .string(change.isRegression(better: series.better) ? "worse" : "better")),
            ("pValue", .number(change.pValue)), ("energy", .number(change.energy)),
        ]
        return .object(members)
    }
}
