/// The first problem a validating decoder found: where it is and what is wrong.
///
/// The file readers turn it into a ``ResultsError`` by adding the file name; `hint`, when nil, is replaced
/// by the file kind's generic advice.
struct DecodingFailure: Error {
    var path: JSONPath
    /// What is wrong: `expected a finite number, found "NaN"`.
    var problem: String
    /// What would fix it, or nil for the file kind's generic advice.
    var hint: String?

    init(_ path: JSONPath, _ problem: String, hint: String? = nil) {
        self.path = path
        self.problem = problem
        self.hint = hint
    }

    /// The failure as a user-facing error about `file`.
    func resultsError(file: String, defaultHint: String) -> ResultsError {
        ResultsError(file: file, jsonPath: path.description, message: "\(problem); \(hint ?? defaultHint)")
    }
}

/// Typed reads of JSON values that fail with a ``DecodingFailure`` naming the path and what was found.
enum JSONRead {
    static func typeMismatch(_ expected: String, _ value: JSONValue, at path: JSONPath) -> DecodingFailure {
        if case .string(let text) = value, isNonFiniteSpelling(text), expected.contains("number") {
            return DecodingFailure(
                path,
                "expected \(expected), found \(value.briefDescription)",
                hint: "JSON has no NaN or Infinity and results hold finite numbers only; "
                    + "drop the non-finite value or fix the tool that wrote it"
            )
        }
        return DecodingFailure(path, "expected \(expected), found \(value.briefDescription)")
    }

    /// `text` as a JSON string literal for a one-line message: escaped, and cut to `limit` characters
    /// followed by `…` when longer.
    static func quoted(_ text: String, limit: Int = 40) -> String {
        var output = ""
        JSONSerializer.writeString(text.count > limit ? text.prefix(limit) + "…" : text, to: &output)
        return output
    }

    /// Whether `text` spells a non-finite number (`NaN`, `-Infinity`, `inf`, …), case-insensitively.
    static func isNonFiniteSpelling(_ text: String) -> Bool {
        let lowered = text.lowercased().trimmingPrefix(while: { $0 == "+" || $0 == "-" })
        return ["nan", "inf", "infinity"].contains(String(lowered))
    }

    static func string(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> String {
        guard case .string(let text) = value else { throw typeMismatch("a string", value, at: path) }
        return text
    }

    static func nonEmptyString(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> String {
        let text = try string(value, at: path)
        guard !text.isEmpty else { throw DecodingFailure(path, "expected a non-empty string, found \"\"") }
        return text
    }

    static func bool(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> Bool {
        guard case .bool(let flag) = value else { throw typeMismatch("true or false", value, at: path) }
        return flag
    }

    @inline(__always)
    static func finiteNumber(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> Double {
        switch value {
        case .number(let number) where number.isFinite: return number
        case .integer(let integer): return Double(integer)
        default: throw typeMismatch("a finite number", value, at: path)
        }
    }

    /// An integer: an integer literal, or a number with no fractional part that fits in `Int`.
    static func integer(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> Int {
        switch value {
        case .integer(let integer): return integer
        case .number(let number) where number.rounded() == number && abs(number) < 0x1p63:
            return Int(number)
        default: throw typeMismatch("an integer", value, at: path)
        }
    }

    static func array(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> [JSONValue] {
        guard case .array(let elements) = value else { throw typeMismatch("an array", value, at: path) }
        return elements
    }

    /// A value from a fixed set of strings (`lower`/`higher`), naming the allowed spellings on failure.
    static func enumeration<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type,
        _ value: JSONValue,
        at path: JSONPath
    ) throws(DecodingFailure) -> Value where Value.RawValue == String {
        let allowed = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard case .string(let text) = value, let result = Value(rawValue: text) else {
            throw DecodingFailure(
                path,
                "expected one of \(allowed), found \(value.briefDescription)",
                hint: "use one of \(allowed) (lower case)"
            )
        }
        return result
    }
}
