/// A JSON object whose members are scalars (numbers, strings, booleans, null): the request bodies of
/// the agent API. Parsed by a small strict parser (RFC 8259 grammar for these values) without
/// Foundation, because it runs on the server's event-loop thread for every request.
///
/// Nested objects and arrays are rejected with ``FlatJSONError/nestedValue(key:)``: no request of the
/// API needs them, and refusing them bounds the parser's work to one pass over the body.
///
/// ```swift
/// let body = try FlatJSONObject(parsing: Array(#"{"observation": 3, "action": 1}"#.utf8))
/// body.members["observation"]  // .integer(3)
/// ```
public struct FlatJSONObject: Sendable, Equatable {
    /// One member's value.
    public enum Value: Sendable, Equatable {
        /// A number without fraction or exponent that fits in `Int`.
        case integer(Int)
        /// Any other finite number.
        case number(Double)
        /// A string, unescaped.
        case string(String)
        /// `true` or `false`.
        case bool(Bool)
        /// `null`.
        case null
    }

    /// The members by key; a key given twice keeps its last value (as most parsers do).
    public var members: [String: Value]

    /// Creates an object from members.
    public init(members: [String: Value] = [:]) {
        self.members = members
    }

    /// Parses `bytes` (UTF-8) as one flat JSON object, surrounded by optional whitespace.
    ///
    /// An empty body (no bytes, or only whitespace) is an error: callers decide whether to treat it as `{}`.
    /// - Throws: ``FlatJSONError`` with the byte offset of the first problem.
    /// - Complexity: O(bytes).
    public init(parsing bytes: [UInt8]) throws(FlatJSONError) {
        var scanner = FlatJSONScanner(bytes: bytes)
        self.members = try scanner.parseObject()
    }
}

/// Why a body is not a flat JSON object.
public enum FlatJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is empty or only whitespace.
    case empty
    /// The grammar was violated at byte `offset`; `expected` says what would have been valid.
    case syntax(offset: Int, expected: String)
    /// A member's value is an object or an array.
    case nestedValue(key: String)

    /// One line naming the problem and its place.
    public var description: String {
        switch self {
        case .empty: "the body is empty; send a JSON object such as {}"
        case .syntax(let offset, let expected): "invalid JSON at byte \(offset): expected \(expected)"
        case .nestedValue(let key):
            "\"\(key)\" holds an object or array; only numbers, strings, booleans and null are accepted"
        }
    }
}
