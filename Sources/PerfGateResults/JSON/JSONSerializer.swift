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
        var output = ""
        JSONSerializer(pretty: pretty).write(self, indent: 0, to: &output)
        return output
    }
}

/// Writes ``JSONValue``s as text; see ``JSONValue/serialized(pretty:)``.
struct JSONSerializer {
    var pretty: Bool

    func write(_ value: JSONValue, indent: Int, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let integer): output += String(integer)
        case .number(let number): output += number.isFinite ? number.description : "null"
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let elements): writeArray(elements, indent: indent, to: &output)
        case .object(let members): writeObject(members, indent: indent, to: &output)
        }
    }

    private func writeArray(_ elements: [JSONValue], indent: Int, to output: inout String) {
        guard !elements.isEmpty else { return output += "[]" }
        let isFlat = !pretty || elements.allSatisfy { $0.doubleValue != nil }
        output += "["
        for (position, element) in elements.enumerated() {
            if position > 0 { output += isFlat && pretty ? ", " : "," }
            if !isFlat { newline(indent + 1, to: &output) }
            write(element, indent: indent + 1, to: &output)
        }
        if !isFlat { newline(indent, to: &output) }
        output += "]"
    }

    private func writeObject(_ members: [(key: String, value: JSONValue)], indent: Int, to output: inout String) {
        guard !members.isEmpty else { return output += "{}" }
        output += "{"
        for (position, member) in members.enumerated() {
            if position > 0 { output += "," }
            if pretty { newline(indent + 1, to: &output) }
            Self.writeString(member.key, to: &output)
            output += pretty ? ": " : ":"
            write(member.value, indent: indent + 1, to: &output)
        }
        if pretty { newline(indent, to: &output) }
        output += "}"
    }

    private func newline(_ indent: Int, to output: inout String) {
        output += "\n"
        output += String(repeating: " ", count: indent * 2)
    }

    /// Writes `text` as a JSON string literal: `"` and `\` escaped, `\n` `\r` `\t` `\b` `\f` by name, other
    /// control characters (U+0000–U+001F, U+007F) as `\u00XX`, everything else verbatim.
    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        var runStart = text.unicodeScalars.startIndex
        var position = runStart
        let scalars = text.unicodeScalars
        while position < scalars.endIndex {
            let scalar = scalars[position]
            if let escape = escapeSequence(for: scalar) {
                output.unicodeScalars.append(contentsOf: scalars[runStart..<position])
                output += escape
                runStart = scalars.index(after: position)
            }
            position = scalars.index(after: position)
        }
        output.unicodeScalars.append(contentsOf: scalars[runStart..<position])
        output += "\""
    }

    private static func escapeSequence(for scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        default:
            guard scalar.value < 0x20 || scalar.value == 0x7F else { return nil }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
