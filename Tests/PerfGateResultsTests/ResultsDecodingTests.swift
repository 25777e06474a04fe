import PerfGateResults
import PerfGateStatistics
import Testing

struct ResultsDecodingTests {
    /// One broken variant of the fixture: what to replace, and the path and words the error must contain.
    struct BrokenCase: Sendable, CustomTestStringConvertible {
        var name: String
        var target: String
        var replacement: String
        var path: String?
        var words: [String]
        var testDescription: String { name }
    }

    static let brokenCases: [BrokenCase] = [
        BrokenCase(
            name: "unknown schema version",
            target: #""perfgate/results@1""#,
            replacement: #""perfgate/results@2""#,
            path: "$.schema",
            words: [#"unsupported schema "perfgate/results@2"; this bench reads perfgate/results@1"#]
        ),
        BrokenCase(
            name: "a thresholds file given as results",
            target: #""perfgate/results@1""#,
            replacement: #""perfgate/thresholds@1""#,
            path: "$.schema",
            words: ["not a results file"]
        ),
        BrokenCase(
            name: "missing schema",
            target: #""schema": "perfgate/results@1","#,
            replacement: "",
            path: "$",
            words: [#"missing required field "schema""#]
        ),
        BrokenCase(
            name: "wrong type",
            target: #""suite": "default""#,
            replacement: #""suite": 7"#,
            path: "$.run.suite",
            words: ["expected a string, found 7"]
        ),
        BrokenCase(
            name: "missing field",
            target: #""unit": "seconds", "better": "lower","#,
            replacement: #""better": "lower","#,
            path: "$.benchmarks[0].metrics.round_seconds",
            words: [#"missing required field "unit""#]
        ),
        BrokenCase(
            name: "NaN spelled as a string",
            target: "[0.0123, 0.0119, 0.0131]",
            replacement: #"[0.0123, "NaN", 0.0131]"#,
            path: "$.benchmarks[0].metrics.round_seconds.samples[1]",
            words: [#"expected a finite number, found "NaN""#, "no NaN or Infinity"]
        ),
        BrokenCase(
            name: "Infinity spelled as a string",
            target: "[0.002, 0.003]",
            replacement: #"[0.002, "-Infinity"]"#,
            path: "$.benchmarks[1].metrics.latency_seconds.samples[1]",
            words: [#"expected a finite number, found "-Infinity""#]
        ),
        BrokenCase(
            name: "bare NaN",
            target: "[0.0123, 0.0119, 0.0131]",
            replacement: "[0.0123, NaN, 0.0131]",
            path: "$.benchmarks[0].metrics.round_seconds.samples[1]",
            words: ["NaN and Infinity are not valid JSON numbers"]
        ),
        BrokenCase(
            name: "empty samples",
            target: "[0.002, 0.003]",
            replacement: "[]",
            path: "$.benchmarks[1].metrics.latency_seconds.samples",
            words: ["samples is empty"]
        ),
        BrokenCase(
            name: "id not derived from name and parameters",
            target: #""id": "api/get[clients=8,payload=small]""#,
            replacement: #""id": "api/get[payload=small,clients=8]""#,
            path: "$.benchmarks[1].id",
            words: [#"must be "api/get[clients=8,payload=small]""#]
        ),
        BrokenCase(
            name: "name outside the charset",
            target: #""name": "api/get""#,
            replacement: #""name": "api//get""#,
            path: "$.benchmarks[1].name",
            words: ["invalid benchmark name"]
        ),
        BrokenCase(
            name: "unknown better",
            target: #"[0.002, 0.003], "better": "lower""#,
            replacement: #"[0.002, 0.003], "better": "smaller""#,
            path: "$.benchmarks[1].metrics.latency_seconds.better",
            words: [#""lower", "higher""#]
        ),
        BrokenCase(
            name: "summary count not the sample count",
            target: #""count": 2"#,
            replacement: #""count": 3"#,
            path: "$.benchmarks[1].metrics.latency_seconds.summary.count",
            words: ["summary.count is 3 but samples holds 2 values"]
        ),
        BrokenCase(
            name: "sampleProcesses of the wrong length",
            target: "[0, 1, 2]",
            replacement: "[0, 1]",
            path: "$.benchmarks[0].metrics.round_seconds.sampleProcesses",
            words: ["holds 2 values"]
        ),
        BrokenCase(
            name: "summary field not finite",
            target: #""stddev": 0.000611"#,
            replacement: #""stddev": "Infinity""#,
            path: "$.benchmarks[0].metrics.round_seconds.summary.stddev",
            words: ["expected a finite number"]
        ),
        BrokenCase(
            name: "duplicate key",
            target: #""agents": 50"#,
            replacement: #""agents": 50, "agents": 51"#,
            path: "$.benchmarks[0].parameters.agents",
            words: ["appears more than once"]
        ),
        BrokenCase(
            name: "truncated file",
            target: #""version": "0.1.0""#,
            replacement: #""version": "0.1.0""#,
            path: nil,
            words: ["truncated"]
        ),
        BrokenCase(
            name: "environment field of the wrong type",
            target: #""logicalCores": 2"#,
            replacement: #""logicalCores": "two""#,
            path: "$.run.environment.logicalCores",
            words: ["expected an integer"]
        ),
    ]

    @Test(arguments: brokenCases)
    func brokenResultsGiveAnErrorNamingTheFileThePathAndAFix(broken: BrokenCase) throws {
        var text = Fixtures.results(replacing: broken.target, with: broken.replacement)
        if broken.name == "truncated file" { text = String(text.prefix(text.utf8.count * 2 / 3)) }
        let error = try #require(throws: ResultsError.self) {
            try ResultsFile.decode(Array(text.utf8), file: "results.json")
        }
        #expect(error.file == "results.json")
        if let path = broken.path { #expect(error.jsonPath == path) }
        #expect(error.description.hasPrefix("results.json: $"))
        for word in broken.words { #expect(error.description.contains(word), "\(error.description)") }
        // Every message ends with advice after the problem.
        #expect(error.message.split(separator: "; ").count >= 2, "\(error.message)")
    }

    @Test func decodesTheContractExample() throws {
        let results = try ResultsFile.decode(Array(Fixtures.validResults.utf8), file: "results.json")
        #expect(results.schema == "perfgate/results@1")
        #expect(results.run.git == GitInfo(commit: "1a2b3c4", branch: "main", dirty: false))
        #expect(results.run.environment?.memoryBytes == 25_769_803_776)
        #expect(
            results.benchmarks.map(\.id) == [
                "coordination/contract-net[agents=50]", "api/get[clients=8,payload=small]",
            ]
        )
        let api = results.benchmarks[1]
        #expect(api.parameters == ["clients": .int(8), "payload": .string("small")])
        let latency = try #require(api.metrics["latency_seconds"])
        #expect(latency.samples == [0.002, 0.003])
        #expect(latency.better == .lower)
        #expect(latency.summary.p95 == 0.00295)
        #expect(results.benchmarks[0].metrics["round_seconds"]?.sampleProcesses == [0, 1, 2])
    }

    @Test func acceptsFilesWithoutGitOrEnvironmentAndIgnoresUnknownFields() throws {
        var text = Fixtures.results(
            replacing: #""git": { "commit": "1a2b3c4", "branch": "main", "dirty": false },"#,
            with: #""futureField": [1, {"x": null}],"#
        )
        text.replace(#""os": "Linux", "#, with: "")
        let results = try ResultsFile.decode(Array(text.utf8), file: "results.json")
        #expect(results.run.git == nil)
        #expect(results.run.environment?.os == nil)
        var withoutEnvironment = text
        withoutEnvironment.replace(#""environment": {"#, with: #""ignored": {"#)
        #expect(try ResultsFile.decode(Array(withoutEnvironment.utf8), file: "r.json").run.environment == nil)
    }

    @Test func duplicateBenchmarkIdsNameBothIndexes() throws {
        var json = try JSONValue.parse(Array(Fixtures.validResults.utf8))
        guard case .object(var members) = json, case .array(let benchmarks) = members[3].value else {
            Issue.record("fixture layout changed")
            return
        }
        members[3].value = .array(benchmarks + [benchmarks[0]])
        json = .object(members)
        let error = try #require(throws: ResultsError.self) { try BenchmarkResults(json: json, file: "results.json") }
        #expect(error.jsonPath == "$.benchmarks[2].id")
        #expect(error.message.contains("$.benchmarks[0]") && error.message.contains("$.benchmarks[2]"))
    }

    @Test func deeplyNestedArraysGiveAnErrorInsteadOfACrash() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let error = try #require(throws: ResultsError.self) { try ResultsFile.decode(bytes, file: "deep.json") }
        #expect(error.description.hasPrefix("deep.json: $[0][0]"))
        #expect(error.message.contains("nested deeper than 256"))
    }

    @Test func invalidUTF8NamesTheByteOffset() throws {
        var bytes = Array(Fixtures.validResults.utf8)
        let offset = try #require(Fixtures.validResults.utf8.firstRange(of: "Test CPU".utf8)).lowerBound
        let byteOffset = Fixtures.validResults.utf8.distance(from: Fixtures.validResults.utf8.startIndex, to: offset)
        bytes[byteOffset + 4] = 0xFF
        let error = try #require(throws: ResultsError.self) { try ResultsFile.decode(bytes, file: "results.json") }
        #expect(error.jsonPath == "$.run.environment.cpuModel")
        #expect(error.message.contains("invalid UTF-8 at byte offset \(byteOffset + 4)"))
    }

    @Test func minorVersionsOfTheSchemaAreAccepted() throws {
        let text = Fixtures.results(replacing: #""perfgate/results@1""#, with: #""perfgate/results@1.3""#)
        #expect(try ResultsFile.decode(Array(text.utf8), file: "r.json").schema == "perfgate/results@1.3")
    }

    @Test(arguments: [
        (#""name": "api/get""#, #""name": "api/get\nbench: error: forged""#),
        (#""payload": "small""#, #""payload": "sm\nall""#),
        (#""latency_seconds": {"#, #""latency\u2028seconds\n": {"#),
        (#""perfgate/results@1""#, #""perfgate/results@1\r\nX""#),
        (#""suite": "default""#, #""suite": "default", "x\ny": 1, "x\ny": 2"#),
    ])
    func errorMessagesStayOnOneLineWhateverTheFileHolds(target: String, replacement: String) throws {
        let text = Fixtures.results(replacing: target, with: replacement)
        let error = try #require(throws: ResultsError.self) {
            try ResultsFile.decode(Array(text.utf8), file: "results.json")
        }
        let hasLineBreak = error.description.contains { $0.isNewline }
        #expect(!hasLineBreak, "\(error.description)")
    }
}
