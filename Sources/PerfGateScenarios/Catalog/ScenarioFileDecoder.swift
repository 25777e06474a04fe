import PerfGateResults

/// Validates a scenario file's JSON, reporting the JSON path of the first problem.
///
/// ```json
/// {
///   "schema": "perfgate/scenario@1",
///   "name": "coordination/contract-net",
///   "kind": "coordination",
///   "summary": "Contract-net rounds of light agents.",
///   "agentModel": "light",
///   "roundDeadlineSeconds": 0.25,
///   "agents": { "quick": [1, 10, 50], "default": [1, 10, 25, 50] }
/// }
/// ```
struct ScenarioFileDecoder {
    let file: String

    func decode(_ json: JSONValue) throws(ResultsError) -> ScenarioDefinition {
        guard case .object(let members) = json else { throw problem("$", "expected an object") }
        let known: Set = ["schema", "name", "kind", "summary", "agentModel", "roundDeadlineSeconds", "agents"]
        if let unknown = members.first(where: { !known.contains($0.key) }) {
            throw problem("$.\(unknown.key)", "unknown field; the fields are \(known.sorted().joined(separator: ", "))")
        }
        let schema = try string(json, "schema")
        guard schema == ScenarioCatalog.fileSchema else {
            throw problem("$.schema", "unsupported schema \"\(schema)\"; this bench reads \(ScenarioCatalog.fileSchema)")
        }
        let name = try string(json, "name")
        guard BenchmarkResult.isValidName(name) else {
            throw problem("$.name", "\"\(name)\" is not a benchmark name: use /-separated parts of letters, digits, '.', '_', '-'")
        }
        let kindText = try string(json, "kind")
        guard let kind = ScenarioKind(rawValue: kindText) else {
            throw problem("$.kind", "unknown kind \"\(kindText)\"; use one of \(ScenarioKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let modelText = try string(json, "agentModel")
        guard let model = AgentModelName(rawValue: modelText) else {
            throw problem("$.agentModel", "unknown agent model \"\(modelText)\"; use light or production")
        }
        return ScenarioDefinition(
            name: name, kind: kind, summary: try string(json, "summary"), agentModel: model,
            roundDeadline: try deadline(json), agentCounts: try agentCounts(json)
        )
    }

    private func string(_ json: JSONValue, _ key: String) throws(ResultsError) -> String {
        guard let value = json[key] else { throw problem("$", "missing required field \"\(key)\"") }
        guard case .string(let text) = value else { throw problem("$.\(key)", "expected a string") }
        return text
    }

    private func deadline(_ json: JSONValue) throws(ResultsError) -> Duration {
        guard let value = json["roundDeadlineSeconds"] else { return .milliseconds(250) }
        guard let seconds = value.doubleValue, seconds > 0, seconds <= 3600 else {
            throw problem("$.roundDeadlineSeconds", "expected a number of seconds in (0, 3600]")
        }
        return .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    private func agentCounts(_ json: JSONValue) throws(ResultsError) -> [String: [Int]] {
        guard case .object(let suites)? = json["agents"] else {
            throw problem("$.agents", "expected an object of suite name → agent counts, such as {\"default\": [1, 10, 50]}")
        }
        var counts: [String: [Int]] = [:]
        for (suite, value) in suites {
            guard case .array(let items) = value, !items.isEmpty else {
                throw problem("$.agents.\(suite)", "expected a non-empty array of agent counts")
            }
            var list: [Int] = []
            for (index, item) in items.enumerated() {
                guard case .integer(let count) = item, (1...10_000).contains(count) else {
                    throw problem("$.agents.\(suite)[\(index)]", "expected a whole number of agents from 1 to 10000")
                }
                list.append(count)
            }
            counts[suite] = list
        }
        return counts
    }

    private func problem(_ path: String, _ message: String) -> ResultsError {
        ResultsError(file: file, jsonPath: path, message: message)
    }
}
