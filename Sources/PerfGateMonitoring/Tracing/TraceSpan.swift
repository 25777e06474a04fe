import PerfGateStatistics
/// One span of a trace: ids, parent link, name, wall-clock times and attributes.
///
/// Times are Unix nanoseconds (UTC). Ids are lowercase hex: 32 digits for the trace, 16 for spans,
/// never all zero (see ``TraceIDGenerator``). A root span has no parent.
public struct TraceSpan: Sendable, Hashable {
    /// One attribute value: OTLP's `stringValue`, `intValue` (written as a string) or `doubleValue`.
    public enum Value: Sendable, Hashable {
        /// A string.
        case string(String)
        /// A 64-bit integer.
        case int(Int)
        /// A float.
        case double(Double)
    }

    /// The trace id, 32 lowercase hex digits.
    public var traceID: String
    /// The span id, 16 lowercase hex digits.
    public var spanID: String
    /// The parent's span id, or nil for a root span.
    public var parentSpanID: String?
    /// The span name (`coordination.round`, `coordination.bid`, …).
    public var name: String
    /// Start, Unix nanoseconds.
    public var startNanos: UInt64
    /// End, Unix nanoseconds (≥ start).
    public var endNanos: UInt64
    /// Attributes in writing order (keys such as `perfgate.round`).
    public var attributes: [(key: String, value: Value)]
    /// The Chrome-trace thread this span is drawn on: 0 for the coordinator, agent id + 1 for an agent.
    public var lane: Int

    /// Creates a span.
    public init(
        traceID: String,
        spanID: String,
        parentSpanID: String?,
        name: String,
        startNanos: UInt64,
        endNanos: UInt64,
        attributes: [(key: String, value: Value)] = [],
        lane: Int = 0
    ) {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.name = name
        self.startNanos = startNanos
        self.endNanos = max(startNanos, endNanos)
        self.attributes = attributes
        self.lane = lane
    }

    /// Equal when every field is equal.
    public static func == (lhs: TraceSpan, rhs: TraceSpan) -> Bool {
        lhs.traceID == rhs.traceID && lhs.spanID == rhs.spanID && lhs.parentSpanID == rhs.parentSpanID
            && lhs.name == rhs.name && lhs.startNanos == rhs.startNanos && lhs.endNanos == rhs.endNanos
            && lhs.lane == rhs.lane
            && lhs.attributes.elementsEqual(rhs.attributes) { $0.key == $1.key && $0.value == $1.value }
    }

    /// Hashes the ids and times (consistent with `==`).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(traceID)
        hasher.combine(spanID)
        hasher.combine(startNanos)
    }
}

/// Trace and span ids from a seeded generator (SplitMix64), so a seeded run gives the same ids.
///
/// Ids are lowercase hex of the right length (32 and 16 digits) and never all zero.
public struct TraceIDGenerator: Sendable {
    private var state: UInt64

    /// Creates a generator from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A new 128-bit trace id as 32 hex digits.
    public mutating func traceID() -> String {
        Self.hex(nonZero()) + Self.hex(next())
    }

    /// A new 64-bit span id as 16 hex digits.
    public mutating func spanID() -> String {
        Self.hex(nonZero())
    }

    private mutating func nonZero() -> UInt64 {
        var value = next()
        while value == 0 { value = next() }
        return value
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
