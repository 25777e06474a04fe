import PerfGateHTTP

/// An error answer of the API: status, stable code, one-line message (never internals).
struct APIError: Error, Sendable {
    var status: Int
    var code: String
    var message: String

    /// The response in PerfGateHTTP's stable error shape.
    var response: HTTPResponse {
        .error(status: status, code: code, message: message)
    }

    static func invalidJSON(_ problem: FlatJSONError) -> APIError {
        APIError(status: 400, code: "invalid_json", message: "the body is not a flat JSON object: \(problem)")
    }

    static func invalidField(_ message: String) -> APIError {
        APIError(status: 400, code: "invalid_field", message: message)
    }

    static func agentNotFound(_ id: String) -> APIError {
        APIError(
            status: 404,
            code: "agent_not_found",
            message: "no agent with id \"\(id)\"; create one with POST /api/v1/agents"
        )
    }
}

/// A request body parsed as a flat JSON object, with only the expected field names.
struct RequestBody {
    let object: FlatJSONObject

    /// Parses `bytes`; an empty body is `{}` when `allowsEmpty`.
    /// - Throws: 400 `invalid_json`, or 400 `unknown_field` naming the first unexpected field.
    init(_ bytes: [UInt8], allowsEmpty: Bool, fields: Set<String>) throws(APIError) {
        if allowsEmpty, bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            object = FlatJSONObject()
            return
        }
        do {
            object = try FlatJSONObject(parsing: bytes)
        } catch {
            throw .invalidJSON(error)
        }
        if let unknown = object.members.keys.sorted().first(where: { !fields.contains($0) }) {
            throw APIError(
                status: 400,
                code: "unknown_field",
                message: "unknown field \"\(unknown)\"; the fields are \(fields.sorted().joined(separator: ", "))"
            )
        }
    }

    /// The integer field `name` within `range`, or nil when absent or null.
    /// - Throws: 400 `invalid_field` for another type or a value out of range.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        switch object.members[name] {
        case nil, .null?:
            return nil
        case .integer(let value)? where range.contains(value):
            return value
        default:
            throw .invalidField(
                "\"\(name)\" must be an integer from \(range.lowerBound) to \(range.upperBound)"
            )
        }
    }
}
