import PerfGateResults

/// Minimal JSON text helpers for the trace and log writers (strings escaped per RFC 8259).
enum JSONWriting {
    /// `text` as a JSON string literal, quotes included (the results files' escaping).
    static func string(_ text: String) -> String { JSONValue.stringLiteral(text) }

    /// A finite double as JSON (non-finite values become 0, which JSON cannot spell otherwise).
    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }
}
