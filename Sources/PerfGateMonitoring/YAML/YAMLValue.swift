/// A YAML document node, written in block style by ``render()`` with safe quoting.
///
/// Strings are written plain only when YAML cannot read them as anything else: `[A-Za-z_/]` first, then
/// `[A-Za-z0-9_./-]`, and not a YAML 1.1 Boolean or null word (`yes`, `on`, `n`, `null`, …). Every other
/// string is double-quoted with `\\`, `\"`, `\n`, `\t` and `\u00XX` for other control characters, so
/// templates (`{{ $value }}`), durations (`5m`), numbers-as-text (`"50"`) and `#` survive as strings.
public indirect enum YAMLValue: Sendable, Hashable {
    /// A string scalar.
    case string(String)
    /// A number, written as in the exposition formats (`50`, `0.05`).
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// A block sequence; empty ones are written `[]`.
    case sequence([YAMLValue])
    /// A block mapping in the given key order; empty ones are written `{}`.
    case mapping([YAMLPair])

    /// The document text, ending in a newline.
    /// - Complexity: O(*n*) in the output size.
    public func render() -> String {
        YAMLWriter.lines(self, indent: 0).joined(separator: "\n") + "\n"
    }

    /// A scalar written as YAML (quoted when needed); nil for collections.
    var scalarText: String? {
        switch self {
        case .string(let text): YAMLWriter.quoted(text)
        case .number(let number): ExpositionNumbers.value(number)
        case .bool(let flag): flag ? "true" : "false"
        case .sequence(let items): items.isEmpty ? "[]" : nil
        case .mapping(let pairs): pairs.isEmpty ? "{}" : nil
        }
    }
}

/// One key and value of a ``YAMLValue/mapping(_:)``.
public struct YAMLPair: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: YAMLValue

    /// Creates a pair.
    public init(_ key: String, _ value: YAMLValue) {
        self.key = key
        self.value = value
    }
}

/// Block-style writing and scalar quoting.
enum YAMLWriter {
    /// Words YAML 1.1 (read by Prometheus' and Alertmanager's parser) would turn into Booleans or null.
    private static let reservedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]

    static func lines(_ value: YAMLValue, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        if let scalar = value.scalarText { return [pad + scalar] }
        switch value {
        case .mapping(let pairs):
            return pairs.flatMap { pair -> [String] in
                let key = pad + quoted(pair.key) + ":"
                if let scalar = pair.value.scalarText { return [key + " " + scalar] }
                return [key] + lines(pair.value, indent: indent + 2)
            }
        case .sequence(let items):
            return items.flatMap { item -> [String] in
                var itemLines = lines(item, indent: indent + 2)
                itemLines[0] = pad + "- " + itemLines[0].dropFirst(indent + 2)
                return itemLines
            }
        default:
            return []
        }
    }

    /// `text` plain when that is unambiguous, else double-quoted and escaped.
    static func quoted(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !reservedWords.contains(text.lowercased()) else { return false }
        let isLetter: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        guard isLetter(first) || first == "_" || first == "/" else { return false }
        return text.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || "_./-".unicodeScalars.contains($0) }
    }
}
