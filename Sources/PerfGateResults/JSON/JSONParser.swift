extension JSONValue {
    /// The deepest nesting of arrays and objects ``parse(_:)`` accepts; deeper input is an error, not a crash.
    public static let maximumDepth = 256

    /// Parses one JSON document (RFC 8259) from UTF-8 bytes.
    ///
    /// Strict: invalid UTF-8 anywhere in a string, raw control characters in strings, unpaired surrogate
    /// escapes, leading zeros, trailing commas, comments, `NaN`/`Infinity`, numbers that overflow `Double`,
    /// and anything but whitespace after the value are errors. A leading UTF-8 byte-order mark is skipped.
    /// Integer literals that fit in `Int` become ``integer(_:)``; every other number ``number(_:)``,
    /// correctly rounded.
    ///
    /// - Parameter bytes: The document, UTF-8.
    /// - Returns: The document's value.
    /// - Throws: ``JSONParseError`` with the line, column, byte offset and JSON path of the first problem.
    /// - Complexity: O(*n*) in the length of `bytes`; recursion depth at most ``maximumDepth``.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            parse(buffer: buffer)
        }
        if let result { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer in parse(buffer: buffer) }.get()
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var parser = JSONParser(bytes: buffer)
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error.parseError(in: buffer))
        }
    }
}

/// A recursive-descent JSON parser over a byte buffer; see ``JSONValue/parse(_:)``.
///
/// The happy path allocates only the values it returns: plain ASCII strings are decoded straight from
/// the buffer and most numbers are converted without building a `String`. On an error each level of
/// recursion adds its path component while the error travels up, so paths cost nothing until needed.
struct JSONParser {
    /// A problem found while parsing, before line and column are worked out.
    struct Failure: Error {
        var kind: JSONParseError.Kind
        var message: String
        var offset: Int
        /// Path components, innermost first (appended while unwinding).
        var reversedPath: [JSONPath.Component] = []

        func parseError(in bytes: UnsafeBufferPointer<UInt8>) -> JSONParseError {
            var line = 1
            var lineStart = 0
            for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            return JSONParseError(
                kind: kind,
                message: message,
                byteOffset: offset,
                line: line,
                column: offset - lineStart + 1,
                jsonPath: JSONPath(components: reversedPath.reversed()).description
            )
        }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(Failure) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count else {
            throw Failure(kind: .emptyInput, message: "the document is empty; expected a JSON value", offset: index)
        }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw Failure(
                kind: .trailingData,
                message: "unexpected \(describeByte(at: index)) after the end of the JSON value",
                offset: index
            )
        }
        return value
    }

    mutating func parseValue() throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw endOfInput(expecting: "a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw Failure(
                kind: .invalidNumber,
                message: "NaN and Infinity are not valid JSON numbers",
                offset: index
            )
        default:
            throw unexpected(expecting: "a value")
        }
    }

    // MARK: Containers

    private mutating func enterContainer() throws(Failure) {
        depth += 1
        if depth > JSONValue.maximumDepth {
            throw Failure(
                kind: .nestingTooDeep,
                message: "arrays and objects nested deeper than \(JSONValue.maximumDepth) levels",
                offset: index
            )
        }
        index += 1
        skipWhitespace()
    }

    mutating func parseArray() throws(Failure) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            do throws(Failure) {
                elements.append(try parseValue())
            } catch {
                var failure = error
                failure.reversedPath.append(.index(elements.count))
                throw failure
            }
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput(expecting: "',' or ']'") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ",") {
                skipWhitespace()
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
                return .array(elements)
            } else {
                index -= 1
                throw unexpected(expecting: "',' or ']' after an array element")
            }
        }
    }

    mutating func parseObject() throws(Failure) -> JSONValue {
        try enterContainer()
        var members: [(key: String, value: JSONValue)] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            guard index < bytes.count else { throw endOfInput(expecting: "a member name") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw unexpected(expecting: "a member name in quotes") }
            let key = try parseString()
            do throws(Failure) {
                skipWhitespace()
                guard index < bytes.count else { throw endOfInput(expecting: "':'") }
                guard bytes[index] == UInt8(ascii: ":") else { throw unexpected(expecting: "':' after a member name") }
                index += 1
                skipWhitespace()
                members.append((key, try parseValue()))
            } catch {
                var failure = error
                failure.reversedPath.append(.key(key))
                throw failure
            }
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput(expecting: "',' or '}'") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ",") {
                skipWhitespace()
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
                return .object(members)
            } else {
                index -= 1
                throw unexpected(expecting: "',' or '}' after an object member")
            }
        }
    }

    // MARK: Scalars

    private mutating func parseLiteral(_ literal: StaticString, _ value: JSONValue) throws(Failure) -> JSONValue {
        let start = index
        for expected in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
            guard index < bytes.count else { throw endOfInput(expecting: "'\(literal)'") }
            guard bytes[index] == expected else {
                index = start
                throw unexpected(expecting: "a value")
            }
            index += 1
        }
        return value
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    // MARK: Errors

    func endOfInput(expecting expected: String) -> Failure {
        Failure(
            kind: .unexpectedEnd,
            message: "the input ends before the JSON value does (expected \(expected))",
            offset: index
        )
    }

    func unexpected(expecting expected: String) -> Failure {
        if bytes[index] >= 0x80, UTF8Validation.errorOffset(in: bytes, at: index) != nil {
            return Failure(kind: .invalidUTF8, message: "invalid UTF-8 at byte offset \(index)", offset: index)
        }
        return Failure(
            kind: .unexpectedCharacter,
            message: "expected \(expected), found \(describeByte(at: index))",
            offset: index
        )
    }

    /// `'x'` for printable ASCII, the character for valid non-ASCII UTF-8, `byte 0xNN` otherwise.
    func describeByte(at offset: Int) -> String {
        let byte = bytes[offset]
        if byte >= 0x20, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte >= 0x80, UTF8Validation.errorOffset(in: bytes, at: offset) == nil {
            let length = UTF8Validation.sequenceLength(lead: byte)
            let slice = UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])
            let text = String(decoding: slice, as: UTF8.self)
            // Quote it through the message escaper so that separators and format characters stay visible.
            var quoted = ""
            JSONSerializer.writeString(text, to: &quoted)
            return "'\(quoted.dropFirst().dropLast())'"
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" : "")\(hex)"
    }
}
