/// One structured log line: a JSON object with `ts` (RFC 3339 UTC, milliseconds), `level`, `msg`,
/// `correlation_id`, optional `trace_id`/`span_id` (hex, as in the OTLP export, so a line joins its
/// span) and further fields (`run_id`, `scenario`, `round`, `agent_id`, …).
///
/// Matches the reference's `log.schema.json`: `round` must be a non-negative integer, `agent_id` a string.
public struct JSONLogLine: Sendable {
    /// A log level, written in lowercase.
    public enum Level: String, Sendable {
        /// Detail.
        case debug
        /// Normal events.
        case info
        /// Something odd that did not stop the work.
        case warn
        /// A failure.
        case error
    }

    /// One extra field value.
    public enum Field: Sendable {
        /// A string.
        case string(String)
        /// An integer.
        case int(Int)
    }

    /// The time, Unix nanoseconds.
    public var timeNanos: UInt64
    /// The level.
    public var level: Level
    /// The message (non-empty).
    public var message: String
    /// Shared by everything one run or round does (`run-ID/round-N`).
    public var correlationID: String
    /// The trace id (32 hex digits), or nil.
    public var traceID: String?
    /// The span id (16 hex digits), or nil; needs a trace id.
    public var spanID: String?
    /// Further fields, in writing order.
    public var fields: [(key: String, value: Field)]

    /// Creates a line.
    public init(
        timeNanos: UInt64,
        level: Level,
        message: String,
        correlationID: String,
        traceID: String? = nil,
        spanID: String? = nil,
        fields: [(key: String, value: Field)] = []
    ) {
        self.timeNanos = timeNanos
        self.level = level
        self.message = message
        self.correlationID = correlationID
        self.traceID = traceID
        self.spanID = spanID
        self.fields = fields
    }

    /// The line as JSON, ending in `\n`.
    public var text: String {
        var parts = [
            "\"ts\":\"\(Self.rfc3339(timeNanos))\"",
            "\"level\":\"\(level.rawValue)\"",
            "\"msg\":\(JSONWriting.string(message))",
            "\"correlation_id\":\(JSONWriting.string(correlationID))",
        ]
        if let traceID { parts.append("\"trace_id\":\(JSONWriting.string(traceID))") }
        if traceID != nil, let spanID { parts.append("\"span_id\":\(JSONWriting.string(spanID))") }
        for field in fields {
            switch field.value {
            case .string(let text): parts.append("\(JSONWriting.string(field.key)):\(JSONWriting.string(text))")
            case .int(let number): parts.append("\(JSONWriting.string(field.key)):\(number)")
            }
        }
        return "{" + parts.joined(separator: ",") + "}\n"
    }

    /// `nanos` since the Unix epoch as `YYYY-MM-DDTHH:MM:SS.mmmZ` (proleptic Gregorian, UTC).
    public static func rfc3339(_ nanos: UInt64) -> String {
        let seconds = Int(nanos / 1_000_000_000)
        let millis = Int(nanos / 1_000_000 % 1000)
        let (year, month, day) = civilDate(daysSinceEpoch: seconds / 86_400)
        let rest = seconds % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let milliText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return
            "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60)).\(milliText)Z"
    }

    /// Howard Hinnant's days-to-civil algorithm, for days ≥ 0 since 1970-01-01.
    private static func civilDate(daysSinceEpoch days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
