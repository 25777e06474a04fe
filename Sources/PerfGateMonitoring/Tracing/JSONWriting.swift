/// Minimal JSON text helpers for the trace and log writers (strings escaped per RFC 8259).
enum JSONWriting {
    /// `text` as a JSON string literal, quotes included.
    static func string(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let digits = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// A finite double as JSON (non-finite values become 0, which JSON cannot spell otherwise).
    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }
}
