/// Escapes text for XML 1.0 character data and attribute values.
///
/// `&`, `<`, `>`, `"` and `'` become entities. Characters XML 1.0 does not allow at all (U+0000–U+0008,
/// U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF; Swift strings hold no lone surrogates) are removed,
/// since no escape can represent them. In attribute values, tab, line feed and carriage return are
/// written as character references so that attribute-value normalisation keeps them.
enum XMLEscaping {
    /// `text` escaped for element content.
    /// - Complexity: O(n) in the length of `text`.
    static func text(_ text: String) -> String {
        escaped(text, isAttribute: false)
    }

    /// `text` escaped for an attribute value in double (or single) quotes.
    /// - Complexity: O(n) in the length of `text`.
    static func attribute(_ text: String) -> String {
        escaped(text, isAttribute: true)
    }

    /// Whether XML 1.0 allows `scalar` in a document (the `Char` production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func escaped(_ text: String, isAttribute: Bool) -> String {
        // Fast path: printable ASCII without markup characters needs nothing.
        let needsWork = text.utf8.contains { byte in
            byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard needsWork else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&apos;".unicodeScalars)
            case "\t" where isAttribute: result.append(contentsOf: "&#9;".unicodeScalars)
            case "\n" where isAttribute: result.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": result.append(contentsOf: "&#13;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
