extension JSONValue {
    /// The value as JSON text.
    ///
    /// `pretty: true` writes one member or element per line with a 2-space indent and `": "` after keys;
    /// empty arrays and objects are written `[]` and `{}`, and arrays holding only numbers are kept on one
    /// line (sample arrays stay readable). `pretty: false` writes no whitespace at all. Neither adds a
    /// trailing newline. Integers are written without `.0`; other numbers in Swift's shortest round-trip
    /// form (`0.1`, `1e-05`, `3.0`), so parsing the text gives back the same value. A non-finite `Double`,
    /// which ``parse(_:)`` never produces, is written as `null`. Strings escape `"`, `\` and control
    /// characters; everything else, non-ASCII included, is written as UTF-8.
    ///
    /// - Complexity: O(*n*) in the size of the output.
    public func serialized(pretty: Bool) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The value as UTF-8 JSON text, exactly the bytes of ``serialized(pretty:)``.
    ///
    /// - Complexity: O(*n*) in the size of the output.
    public func serializedBytes(pretty: Bool) -> [UInt8] {
        var output: [UInt8] = []
        JSONSerializer(pretty: pretty).write(self, indent: 0, to: &output)
        return output
    }
}

/// Writes ``JSONValue``s as text; see ``JSONValue/serialized(pretty:)``.
struct JSONSerializer {
    var pretty: Bool

    func write(_ value: JSONValue, indent: Int, to output: inout [UInt8]) {
        switch value {
        case .null: output += "null".utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .integer(let integer): output += String(integer).utf8
        case .number(let number): output += (number.isFinite ? number.description : "null").utf8
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let elements): writeArray(elements, indent: indent, to: &output)
        case .object(let members): writeObject(members, indent: indent, to: &output)
        }
    }

    private func writeArray(_ elements: [JSONValue], indent: Int, to output: inout [UInt8]) {
        guard !elements.isEmpty else {
            output += "[]".utf8
            return
        }
        let isFlat = !pretty || elements.allSatisfy { $0.doubleValue != nil }
        output.append(UInt8(ascii: "["))
        for (position, element) in elements.enumerated() {
            if position > 0 { output += (isFlat && pretty ? ", " : ",").utf8 }
            if !isFlat { newline(indent + 1, to: &output) }
            write(element, indent: indent + 1, to: &output)
        }
        if !isFlat { newline(indent, to: &output) }
        output.append(UInt8(ascii: "]"))
    }

    private func writeObject(_ members: [(key: String, value: JSONValue)], indent: Int, to output: inout [UInt8]) {
        guard !members.isEmpty else {
            output += "{}".utf8
            return
        }
        output.append(UInt8(ascii: "{"))
        for (position, member) in members.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            if pretty { newline(indent + 1, to: &output) }
            Self.writeString(member.key, to: &output)
            output += (pretty ? ": " : ":").utf8
            write(member.value, indent: indent + 1, to: &output)
        }
        if pretty { newline(indent, to: &output) }
        output.append(UInt8(ascii: "}"))
    }

    private func newline(_ indent: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Writes `text` as a JSON string literal: `"` and `\` escaped, `\n` `\r` `\t` `\b` `\f` by name, other
    /// control characters (U+0000–U+001F, U+007F) as `\u00XX`, everything else verbatim as UTF-8.
    ///
    /// Works on UTF-8 bytes: every byte that needs escaping is ASCII, and no byte of a multi-byte sequence is.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (position, byte) in utf8.enumerated()
            where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
                output += escapeSequence(for: byte).utf8
                runStart = position + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Writes `text` as a JSON string literal into a `String` for messages and paths: as the byte version,
    /// and also escaping every other control, format and line- or paragraph-separator character (U+0085,
    /// U+200E, U+2028, …), so that the result is one visible line that cannot reorder or fake text.
    static func writeString(_ text: String, to output: inout String) {
        var bytes: [UInt8] = []
        writeString(text, to: &bytes)
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16, uppercase: true)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default:
                output.unicodeScalars.append(scalar)
            }
        }
    }

    private static func escapeSequence(for byte: UInt8) -> String {
        switch byte {
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}

extension JSONValue {
    /// `text` as a JSON string literal, quotes included, escaped exactly as results files are
    /// written (see `JSONSerializer.writeString`), for other modules' hand-written JSON (traces, logs).
    package static func stringLiteral(_ text: String) -> String {
        var output: [UInt8] = []
        JSONSerializer.writeString(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
