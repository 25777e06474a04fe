public import PerfGateHTTP
public import PerfGateResults

/// A user's request shapes for the `api/*` scenarios (`bench run --requests FILE`), sent instead of
/// the documented ones, typically with `--target` at the user's own service.
///
/// ```json
/// {
///   "schema": "perfgate/requests@1",
///   "requests": [
///     { "method": "POST", "path": "/api/v1/agents/{agent}/step", "body": { "observation": 3, "action": 0 } },
///     { "method": "GET", "path": "/api/v1/agents/{agent}" },
///     { "method": "GET", "path": "/api/v1/health", "headers": { "Accept": "application/json" } }
///   ]
/// }
/// ```
///
/// Connection `c` sends shape `k % count` as its k-th request (all connections cycle through the same
/// list). `path` starts with `/` and is appended to the target URL's path. `{agent}` in a path is
/// replaced by the connection's own agent id: when any path holds it, one agent per connection is
/// created first with `POST /api/v1/agents` (body `{}`) and its id read from the answer's `"id"`.
/// `body` is sent as is when it is a string; any other JSON value is sent compactly serialised with
/// `Content-Type: application/json` (unless `headers` sets a content type). `method` defaults to `GET`.
public struct APIRequestFile: Sendable {
    /// The schema identifier of a request file.
    public static let schema = "perfgate/requests@1"
    /// The placeholder replaced by the connection's agent id.
    public static let agentPlaceholder = "{agent}"

    /// The request shapes, in file order (at least one).
    public var requests: [HTTPClientRequest]

    /// Whether some path holds ``agentPlaceholder``, so agents must be created first.
    public var usesAgents: Bool {
        requests.contains { $0.path.contains(Self.agentPlaceholder) }
    }

    /// Reads and validates `path`.
    /// - Throws: ``ResultsError`` naming the file and the JSON path of the first problem.
    public static func read(path: String) throws(ResultsError) -> APIRequestFile {
        let bytes = try FileContents.read(path: path, kind: "request")
        let json = try FileContents.parse(bytes, file: path, kind: "request", hint: "see docs/http-api.md")
        return try decode(json, file: path)
    }

    static func decode(_ json: JSONValue, file: String) throws(ResultsError) -> APIRequestFile {
        guard case .string(let schema)? = json["schema"], schema == Self.schema else {
            throw ResultsError(file: file, jsonPath: "$.schema", message: "expected \"\(Self.schema)\"")
        }
        guard case .array(let items)? = json["requests"], !items.isEmpty else {
            throw ResultsError(file: file, jsonPath: "$.requests", message: "expected a non-empty array of requests")
        }
        var requests: [HTTPClientRequest] = []
        for (index, item) in items.enumerated() {
            requests.append(try decodeRequest(item, file: file, jsonPath: "$.requests[\(index)]"))
        }
        return APIRequestFile(requests: requests)
    }

    private static func decodeRequest(
        _ item: JSONValue,
        file: String,
        jsonPath: String
    ) throws(ResultsError) -> HTTPClientRequest {
        guard case .object(let members) = item else {
            throw ResultsError(
                file: file,
                jsonPath: jsonPath,
                message: "expected an object with method, path, headers, body"
            )
        }
        let known: Set = ["method", "path", "headers", "body"]
        if let unknown = members.first(where: { !known.contains($0.key) }) {
            throw ResultsError(
                file: file,
                jsonPath: "\(jsonPath).\(unknown.key)",
                message: "unknown field; the fields are body, headers, method, path"
            )
        }
        var method = HTTPMethod.get
        if let value = item["method"] {
            guard case .string(let text) = value, !text.isEmpty, text.utf8.allSatisfy({ (0x41...0x5A).contains($0) })
            else {
                throw ResultsError(
                    file: file,
                    jsonPath: "\(jsonPath).method",
                    message: "expected an upper-case method such as GET or POST"
                )
            }
            method = HTTPMethod(rawValue: text)
        }
        guard case .string(let path)? = item["path"], path.hasPrefix("/"), !path.contains(" ") else {
            throw ResultsError(
                file: file,
                jsonPath: "\(jsonPath).path",
                message: "expected a path starting with / and without spaces"
            )
        }
        var headers: HTTPHeaders = [:]
        if let value = item["headers"] {
            guard case .object(let fields) = value else {
                throw ResultsError(
                    file: file,
                    jsonPath: "\(jsonPath).headers",
                    message: "expected an object of header name → string value"
                )
            }
            for field in fields {
                guard case .string(let text) = field.value else {
                    throw ResultsError(
                        file: file,
                        jsonPath: "\(jsonPath).headers.\(field.key)",
                        message: "expected a string"
                    )
                }
                headers.add(name: field.key, value: text)
            }
        }
        var body: [UInt8] = []
        switch item["body"] {
        case nil: break
        case .string(let text)?: body = Array(text.utf8)
        case let value?:
            body = value.serializedBytes(pretty: false)
            if headers["Content-Type"] == nil { headers.add(name: "Content-Type", value: "application/json") }
        }
        return HTTPClientRequest(method: method, path: path, headers: headers, body: body)
    }
}
