import PerfGateComparison
import PerfGateResults
import PerfGateStatistics
import Testing

/// The `perfgate/comparison@1` format of `bench compare --format json`, checked against the contract
/// by serializing, parsing the text back and reading it as another tool would.
struct ComparisonJSONTests {
    static let baselineSamples = Fixtures.uniform(0.010, 0.011, seed: 90)
    static let candidateSamples = Fixtures.uniform(0.012, 0.013, seed: 91)

    /// A failing comparison with a regressed, an added and a removed result and one warning.
    static let comparison: Comparison = {
        var debug = Fixtures.environment
        debug.build = "debug"
        let thresholds = Fixtures.thresholds(rules: [
            ThresholdRule(
                match: "coordination/*",
                metric: "round_seconds",
                statistic: .p95,
                maxRegression: 0.10,
                budget: Budget(max: 0.5)
            )
        ])
        return Comparator(thresholds: thresholds).compare(
            baseline: Fixtures.results(
                [
                    Fixtures.benchmark("coordination/contract-net", seconds: baselineSamples),
                    Fixtures.benchmark("old/gone", seconds: baselineSamples),
                ],
                runID: "base-run"
            ),
            baselinePath: "baselines/default.json",
            candidate: Fixtures.results(
                [
                    Fixtures.benchmark("coordination/contract-net", seconds: candidateSamples),
                    Fixtures.benchmark("new/here", seconds: candidateSamples),
                ],
                runID: "cand-run",
                environment: debug
            ),
            candidatePath: ".bench/results/cand.json"
        )
    }()

    /// The serialized comparison, parsed back.
    static func parsed() throws -> JSONValue {
        try JSONValue.parse(Array(ComparisonJSON.serialized(comparison).utf8))
    }

    static func keys(_ value: JSONValue?) -> [String] {
        guard case .object(let members)? = value else { return [] }
        return members.map(\.key)
    }

    static func results(_ json: JSONValue) -> [JSONValue] {
        guard case .array(let results)? = json["results"] else { return [] }
        return results
    }

    @Test func theTopLevelHasTheContractsKeysInOrder() throws {
        let json = try Self.parsed()
        #expect(
            Self.keys(json) == [
                "schema", "verdict", "alpha", "correction", "baseline", "candidate", "warnings", "results",
            ]
        )
        #expect(json["schema"] == "perfgate/comparison@1")
        #expect(json["verdict"] == "fail")
        #expect(json["alpha"]?.doubleValue == 0.01)
        #expect(json["correction"] == "holm")
        #expect(
            json["baseline"] == ["path": "baselines/default.json", "runId": "base-run", "commit": "base-run-commit"]
        )
        #expect(json["candidate"]?["path"] == ".bench/results/cand.json")
        guard case .array(let warnings)? = json["warnings"] else {
            Issue.record("warnings is not an array")
            return
        }
        #expect(warnings.count == 1)
        #expect(Self.results(json).count == 3)
    }

    @Test func aRegressedResultHasEveryContractKey() throws {
        let json = try Self.parsed()
        let result = try #require(Self.results(json).first)
        #expect(
            Self.keys(result) == [
                "benchmark", "metric", "unit", "better", "status", "gating", "statistic", "baseline", "candidate",
                "change", "test", "shift", "limit", "reason",
            ]
        )
        #expect(result["benchmark"] == "coordination/contract-net")
        #expect(result["metric"] == "round_seconds")
        #expect(result["unit"] == "seconds")
        #expect(result["better"] == "lower")
        #expect(result["status"] == "regressed")
        #expect(result["gating"] == true)
        #expect(result["statistic"] == "p95")
        #expect(Self.keys(result["baseline"]) == ["count", "min", "p50", "p90", "p95", "p99", "max", "mean", "stddev"])
        #expect(result["baseline"]?["count"] == .integer(30))
        #expect(Self.keys(result["test"]) == ["name", "method", "u", "pValue", "adjustedPValue"])
        #expect(result["test"]?["name"] == "mann-whitney-u")
        #expect(result["test"]?["method"] == "exact")
        #expect(Self.keys(result["shift"]) == ["estimate", "low", "high", "confidence"])
        #expect(result["limit"] == ["maxRegression": 0.1, "budget": ["statistic": "p95", "max": 0.5]])
        #expect(result["reason"]?.stringValue?.hasPrefix("p95 +") == true)
    }

    @Test func numbersReadBackAsTheComparatorComputedThem() throws {
        let json = try Self.parsed()
        let result = try #require(Self.results(json).first)
        let original = try #require(Self.comparison.results.first)
        let test = try #require(original.test)
        #expect(result["test"]?["u"]?.doubleValue == test.u)
        #expect(test.u == Fixtures.bruteForceU(candidate: Self.candidateSamples, baseline: Self.baselineSamples))
        #expect(result["test"]?["pValue"]?.doubleValue == test.pValue)
        #expect(result["test"]?["adjustedPValue"]?.doubleValue == test.adjustedPValue)
        #expect(result["shift"]?["estimate"]?.doubleValue == original.shift?.estimate)
        #expect(result["shift"]?["confidence"]?.doubleValue == 0.99)
        let baselineSummary = try #require(original.baseline)
        let candidateSummary = try #require(original.candidate)
        for statistic in SummaryStatistic.allCases where statistic != .count {
            let old = baselineSummary.value(of: statistic)
            let expected = (candidateSummary.value(of: statistic) - old) / old
            #expect(result["change"]?[statistic.rawValue]?.doubleValue == expected, "\(statistic)")
            #expect(result["candidate"]?[statistic.rawValue]?.doubleValue == candidateSummary.value(of: statistic))
        }
        #expect(result["change"]?["count"] == nil)
    }

    @Test func addedAndRemovedResultsLeaveOutWhatTheyLack() throws {
        let json = try Self.parsed()
        let byBenchmark = Dictionary(
            uniqueKeysWithValues: Self.results(json).compactMap { result in
                result["benchmark"]?.stringValue.map { ($0, result) }
            }
        )
        let added = try #require(byBenchmark["new/here"])
        #expect(added["status"] == "added")
        #expect(
            Self.keys(added) == [
                "benchmark", "metric", "unit", "better", "status", "gating", "statistic", "candidate", "limit",
                "reason",
            ]
        )
        let removed = try #require(byBenchmark["old/gone"])
        #expect(removed["status"] == "removed")
        #expect(
            Self.keys(removed) == [
                "benchmark", "metric", "unit", "better", "status", "gating", "statistic", "baseline", "limit", "reason",
            ]
        )
    }

    @Test func inconclusiveResultsCarryTheSamplesNeeded() throws {
        let (comparison, _) = Fixtures.compareOne(
            baseline: Fixtures.metric([1, 2, 3]),
            candidate: Fixtures.metric([4, 5, 6])
        )
        let json = try JSONValue.parse(Array(ComparisonJSON.serialized(comparison).utf8))
        let result = try #require(Self.results(json).first)
        #expect(result["status"] == "inconclusive")
        #expect(result["samplesNeeded"] == .integer(5))
    }

    @Test func aBaselineOfZeroLeavesTheChangeOut() throws {
        let (comparison, _) = Fixtures.compareOne(
            baseline: Fixtures.metric([Double](repeating: 0, count: 30), unit: "ratio"),
            candidate: Fixtures.metric(Fixtures.uniform(0.01, 0.02, seed: 92), unit: "ratio")
        )
        let json = try JSONValue.parse(Array(ComparisonJSON.serialized(comparison).utf8))
        let result = try #require(Self.results(json).first)
        #expect(result["change"] == nil)
        #expect(result["status"] == "regressed")
    }

    @Test func theTextIsPrettyAndEndsWithANewline() {
        let text = ComparisonJSON.serialized(Self.comparison)
        #expect(text.hasPrefix("{\n  \"schema\": \"perfgate/comparison@1\""))
        #expect(text.hasSuffix("}\n"))
    }
}

extension JSONValue {
    /// The text of a `.string`, or nil.
    fileprivate var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
