/// The escaping rules of the exposition formats; they differ by place, hence two functions.
///
/// Text format 0.0.4: label values escape `\`, `"` and newline; HELP escapes only `\` and newline
/// (a `\"` in HELP is a parse error there). OpenMetrics escapes HELP like label values.
public enum ExpositionEscaping {
    /// A label value for either format: `\` → `\\`, `"` → `\"`, newline → `\n`; nothing else (both
    /// formats define no other escape, so a carriage return stays as it is inside the quotes).
    /// - Complexity: O(*n*).
    public static func labelValue(_ text: String) -> String {
        escape(text, quotes: true)
    }

    /// HELP text for text format 0.0.4: `\` → `\\`, newline → `\n`; quotes stay as they are.
    /// A carriage return is written as a space, since a raw one would end the line for some parsers.
    /// - Complexity: O(*n*).
    public static func help(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// HELP text for OpenMetrics: escaped like a label value, except that a carriage return becomes a space.
    /// - Complexity: O(*n*).
    public static func openMetricsHelp(_ text: String) -> String {
        labelValue(text).replacingCarriageReturns()
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r" where !quotes: output += " "
            case "\"" where quotes: output += "\\\""
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

extension String {
    /// The text with every carriage return replaced by a space.
    fileprivate func replacingCarriageReturns() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\r" ? " " : $0 }))
    }
}
