/// The parser behind ``FlatJSONObject``: one forward pass over the bytes.
struct FlatJSONScanner {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parseObject() throws(FlatJSONError) -> [String: FlatJSONObject.Value] {
        skipWhitespace()
        guard offset < bytes.count else { throw .empty }
        try expect(UInt8(ascii: "{"), "'{'")
        var members: [String: FlatJSONObject.Value] = [:]
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            offset += 1
        } else {
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else { throw syntax("a member name in double quotes") }
                let key = try parseString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "':'")
                skipWhitespace()
                members[key] = try parseValue(key: key)
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    offset += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                break
            }
        }
        skipWhitespace()
        guard offset == bytes.count else { throw syntax("the end of the body after the object") }
        return members
    }

    private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func syntax(_ expected: String) -> FlatJSONError {
        .syntax(offset: offset, expected: expected)
    }

    private mutating func expect(_ byte: UInt8, _ name: String) throws(FlatJSONError) {
        guard peek == byte else { throw syntax(name) }
        offset += 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
    }

    private mutating func parseValue(key: String) throws(FlatJSONError) -> FlatJSONObject.Value {
        guard let byte = peek else { throw syntax("a value (number, string, true, false or null)") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"), UInt8(ascii: "["): throw .nestedValue(key: key)
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw syntax("a value (number, string, true, false or null)")
        }
    }

    private mutating func literal(_ word: String) throws(FlatJSONError) {
        for byte in word.utf8 {
            guard peek == byte else { throw syntax("\(word)") }
            offset += 1
        }
    }

    /// A number per RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func parseNumber() throws(FlatJSONError) -> FlatJSONObject.Value {
        let start = offset
        if peek == UInt8(ascii: "-") { offset += 1 }
        if peek == UInt8(ascii: "0") {
            offset += 1
        } else {
            guard try digits() > 0 else { throw syntax("a digit") }
        }
        var isInteger = true
        if peek == UInt8(ascii: ".") {
            offset += 1
            isInteger = false
            guard try digits() > 0 else { throw syntax("a digit after '.'") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            offset += 1
            isInteger = false
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
            guard try digits() > 0 else { throw syntax("a digit in the exponent") }
        }
        if isInteger, let value = Self.integer(bytes[start..<offset]) { return .integer(value) }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw .syntax(offset: start, expected: "a finite number")
        }
        return .number(value)
    }

    /// The value of an integer literal already checked by the grammar, or nil when it overflows `Int`
    /// (accumulated negatively, so `Int.min` fits). Avoids a `String` per number on the request path.
    private static func integer(_ literal: ArraySlice<UInt8>) -> Int? {
        var digits = literal[...]
        let isNegative = digits.first == UInt8(ascii: "-")
        if isNegative { digits = digits.dropFirst() }
        var value = 0
        for byte in digits {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, underflow) = shifted.subtractingReportingOverflow(Int(byte &- UInt8(ascii: "0")))
            guard !overflow, !underflow else { return nil }
            value = next
        }
        if isNegative { return value }
        return value == Int.min ? nil : -value
    }

    private mutating func digits() throws(FlatJSONError) -> Int {
        var count = 0
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            offset += 1
            count += 1
        }
        return count
    }

    /// A string from the opening quote; escapes per RFC 8259 §7, surrogate pairs joined.
    private mutating func parseString() throws(FlatJSONError) -> String {
        offset += 1  // The opening quote, checked by the caller.
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        while true {
            guard let byte = peek else { throw syntax("a closing '\"'") }
            if byte == UInt8(ascii: "\""), scalars.isEmpty, bytes[runStart..<offset].allSatisfy({ $0 < 0x80 }) {
                // The common case, an ASCII string without escapes: one String, no scalar view.
                defer { offset += 1 }
                return String(decoding: bytes[runStart..<offset], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\"") {
                try appendRun(from: runStart, to: &scalars)
                offset += 1
                return String(scalars)
            }
            guard byte >= 0x20 else { throw syntax("no control character inside a string") }
            if byte == UInt8(ascii: "\\") {
                try appendRun(from: runStart, to: &scalars)
                offset += 1
                scalars.append(try parseEscape())
                runStart = offset
            } else {
                offset += 1
            }
        }
    }

    /// Appends the unescaped bytes `runStart..<offset`, which must be valid UTF-8.
    private func appendRun(from runStart: Int, to scalars: inout String.UnicodeScalarView) throws(FlatJSONError) {
        guard runStart < offset else { return }
        let run = bytes[runStart..<offset]
        if run.allSatisfy({ $0 < 0x80 }) {
            // ASCII (every key of the API): no validation needed.
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            return
        }
        guard let text = String(validating: run, as: UTF8.self) else {
            throw .syntax(offset: runStart, expected: "valid UTF-8")
        }
        scalars.append(contentsOf: text.unicodeScalars)
    }

    private mutating func parseEscape() throws(FlatJSONError) -> Unicode.Scalar {
        guard let byte = peek else { throw syntax("an escape character") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): return try parseUnicodeEscape()
        default:
            offset -= 1
            throw syntax("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u")
        }
    }

    private mutating func parseUnicodeEscape() throws(FlatJSONError) -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high) {
            guard peek == UInt8(ascii: "\\") else { throw syntax("a low surrogate \\uDC00-\\uDFFF") }
            offset += 1
            guard peek == UInt8(ascii: "u") else { throw syntax("a low surrogate \\uDC00-\\uDFFF") }
            offset += 1
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw syntax("a low surrogate \\uDC00-\\uDFFF") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!  // In range by construction.
        }
        guard let scalar = Unicode.Scalar(high) else { throw syntax("no lone low surrogate") }
        return scalar
    }

    private mutating func hex4() throws(FlatJSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, let digit = Self.hexValue(byte) else { throw syntax("four hexadecimal digits") }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
