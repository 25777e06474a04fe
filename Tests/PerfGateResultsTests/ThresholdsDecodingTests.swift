import Foundation
import PerfGateResults
import PerfGateStatistics
import Testing

struct ThresholdsDecodingTests {
    static let contractExample = """
        {
          "schema": "perfgate/thresholds@1",
          "alpha": 0.01,
          "correction": "holm",
          "defaults": { "statistic": "p50", "maxRegression": 0.05 },
          "rules": [
            { "match": "coordination/*", "metric": "round_seconds", "statistic": "p95", "maxRegression": 0.10 },
            { "match": "memory/*", "metric": "bytes_per_agent", "budget": { "statistic": "max", "max": 36175872 } },
            { "match": "api/*", "metric": "latency_seconds", "statistic": "p95", "maxRegression": 0.10,
              "budget": { "statistic": "p95", "max": 0.5 } },
            { "match": "*", "metric": "timeout_ratio", "gating": true, "budget": { "statistic": "mean", "max": 0.05 } }
          ]
        }
        """

    private static func decode(_ text: String) throws(ResultsError) -> Thresholds {
        try ThresholdsFile.decode(Array(text.utf8), file: "thresholds.json")
    }

    @Test func decodesTheContractExample() throws {
        let thresholds = try Self.decode(Self.contractExample)
        #expect(thresholds.alpha == 0.01)
        #expect(thresholds.correction == .holm)
        #expect(thresholds.defaults == ThresholdRule(statistic: .p50, maxRegression: 0.05))
        #expect(thresholds.rules.count == 4)
        #expect(
            thresholds.rules[1]
                == ThresholdRule(
                    match: "memory/*",
                    metric: "bytes_per_agent",
                    budget: Budget(statistic: .max, max: 36_175_872)
                )
        )
        #expect(thresholds.rules[3].gating == true)
    }

    /// A broken variant of the contract example and the path and words its error must contain.
    struct BrokenCase: Sendable, CustomTestStringConvertible {
        var target: String
        var replacement: String
        var path: String
        var words: [String]
        var testDescription: String { "\(target) → \(replacement)" }
    }

    static let brokenCases: [BrokenCase] = [
        BrokenCase(
            target: #""alpha": 0.01"#,
            replacement: #""alpha": 1.5"#,
            path: "$.alpha",
            words: ["between 0 and 1", "0.01"]
        ),
        BrokenCase(target: #""alpha": 0.01"#, replacement: #""alpha": 0"#, path: "$.alpha", words: ["found 0"]),
        BrokenCase(target: #""alpha": 0.01"#, replacement: #""alpha": 1"#, path: "$.alpha", words: ["exclusive"]),
        BrokenCase(target: #""alpha": 0.01"#, replacement: #""alpha": -0.01"#, path: "$.alpha", words: ["found -0.01"]),
        BrokenCase(
            target: #""alpha": 0.01"#,
            replacement: #""alpha": "0.01""#,
            path: "$.alpha",
            words: ["expected a finite number"]
        ),
        BrokenCase(
            target: #""correction": "holm""#,
            replacement: #""correction": "bonferroni""#,
            path: "$.correction",
            words: [#""holm", "none""#]
        ),
        BrokenCase(
            target: #""perfgate/thresholds@1""#,
            replacement: #""perfgate/thresholds@3""#,
            path: "$.schema",
            words: [#"unsupported schema "perfgate/thresholds@3"; this bench reads perfgate/thresholds@1"#]
        ),
        BrokenCase(
            target: #""statistic": "p95", "maxRegression": 0.10 }"#,
            replacement: #""statistic": "p42", "maxRegression": 0.10 }"#,
            path: "$.rules[0].statistic",
            words: [#"found "p42""#, #""p95""#]
        ),
        BrokenCase(
            target: #""statistic": "p95", "maxRegression": 0.10 }"#,
            replacement: #""statistic": "p95", "maxRegresion": 0.10 }"#,
            path: "$.rules[0].maxRegresion",
            words: [#"unknown field "maxRegresion""#, #"did you mean "maxRegression"?"#]
        ),
        BrokenCase(
            target: #""statistic": "p95", "maxRegression": 0.10 }"#,
            replacement: #""statistic": "p95", "maxRegression": -0.10 }"#,
            path: "$.rules[0].maxRegression",
            words: ["must be ≥ 0"]
        ),
        BrokenCase(
            target: #""statistic": "max", "max": 36175872"#,
            replacement: #""statistic": "max", "max": 1, "min": 2"#,
            path: "$.rules[1].budget.max",
            words: ["below min"]
        ),
        BrokenCase(
            target: #"{ "statistic": "max", "max": 36175872 }"#,
            replacement: #"{ "statistic": "max" }"#,
            path: "$.rules[1].budget",
            words: [#"needs "max" and/or "min""#]
        ),
        BrokenCase(
            target: #""match": "*", "metric": "timeout_ratio""#,
            replacement: #""match": "", "metric": "timeout_ratio""#,
            path: "$.rules[3].match",
            words: ["empty glob"]
        ),
        BrokenCase(
            target: #""gating": true"#,
            replacement: #""gating": "yes""#,
            path: "$.rules[3].gating",
            words: [#"expected true or false, found "yes""#]
        ),
        BrokenCase(
            target: #""defaults": { "statistic""#,
            replacement: #""defaults": { "match": "x", "statistic""#,
            path: "$.defaults.match",
            words: ["no meaning in defaults"]
        ),
        BrokenCase(
            target: #""correction": "holm","#,
            replacement: #""corection": "holm","#,
            path: "$.corection",
            words: [#"did you mean "correction"?"#]
        ),
        BrokenCase(
            target: #""budget": { "statistic": "mean", "max": 0.05 }"#,
            replacement: #""budget": { "statistic": "mean", "maximum": 0.05 }"#,
            path: "$.rules[3].budget.maximum",
            words: ["unknown field"]
        ),
    ]

    @Test(arguments: brokenCases)
    func brokenThresholdsGiveAnErrorNamingTheFileThePathAndAFix(broken: BrokenCase) throws {
        let parts = Self.contractExample.split(separator: broken.target, omittingEmptySubsequences: false)
        try #require(parts.count == 2, "the example must contain the target exactly once")
        let error = try #require(throws: ResultsError.self) {
            try Self.decode(parts.joined(separator: broken.replacement))
        }
        #expect(error.file == "thresholds.json")
        #expect(error.jsonPath == broken.path)
        for word in broken.words { #expect(error.description.contains(word), "\(error.description)") }
        #expect(error.message.split(separator: "; ").count >= 2, "\(error.message)")
    }

    @Test func optionalTopLevelFieldsTakeTheirDocumentedDefaults() throws {
        let thresholds = try Self.decode(#"{"schema": "perfgate/thresholds@1"}"#)
        #expect(thresholds == Thresholds(alpha: 0.01, correction: .holm, defaults: ThresholdRule(), rules: []))
    }

    @Test func theEmbeddedDefaultsSurviveEncodingAndDecoding() throws {
        let bytes = try ThresholdsFile.encode(.default)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""max": 36175872"#))
        #expect(text.hasPrefix("{\n  \"schema\": \"perfgate/thresholds@1\",\n  \"alpha\": 0.01,"))
        #expect(try ThresholdsFile.decode(bytes, file: "thresholds.json") == .default)
        #expect(Thresholds.default.rules.allSatisfy { $0.reason?.isEmpty == false })
    }

    @Test func aMissingThresholdsFileNamesThePath() throws {
        let error = try #require(throws: ResultsError.self) { try ThresholdsFile.read(path: "no/such/thresholds.json") }
        #expect(error.description.hasPrefix("no/such/thresholds.json: no such file"))
    }

    /// `Benchmarks/thresholds.json` in this package, found from this source file's path.
    static let projectThresholdsPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(ThresholdsFile.defaultPath).path

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: projectThresholdsPath),
            "Benchmarks/thresholds.json is not in this checkout yet"
        )
    )
    func theProjectsThresholdsFileEqualsTheEmbeddedDefaults() throws {
        #expect(try ThresholdsFile.read(path: Self.projectThresholdsPath) == .default)
    }
}
