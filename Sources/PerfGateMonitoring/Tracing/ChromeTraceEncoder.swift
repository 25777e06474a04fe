/// Encodes spans as Chrome trace events (object form), loadable in Perfetto and `chrome://tracing`.
///
/// Every span becomes a complete event (`"ph":"X"`, `ts` and `dur` in microseconds relative to the
/// earliest span) on thread `lane`: the coordinator on tid 0, agent *i* on tid *i* + 1, so slices on
/// one thread never partially overlap. `"M"` metadata events name the process and each thread.
/// `args` carry the span's attributes plus `trace_id` and `span_id`.
public enum ChromeTraceEncoder {
    /// The trace as one JSON document (ends in a newline).
    /// - Parameters:
    ///   - spans: every span.
    ///   - processName: the name shown for the process.
    ///   - laneName: the thread name of a lane (default: `coordinator` for 0, `agent-(lane-1)` otherwise).
    /// - Complexity: O(spans log spans).
    public static func encode(
        _ spans: [TraceSpan],
        processName: String = "perfgate",
        laneName: (Int) -> String = { $0 == 0 ? "coordinator" : "agent-\($0 - 1)" }
    ) -> String {
        let origin = spans.map(\.startNanos).min() ?? 0
        var events = [
            "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"tid\":0,\"args\":{\"name\":\(JSONWriting.string(processName))}}"
        ]
        for lane in Set(spans.map(\.lane)).sorted() {
            events.append(
                "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":\(lane),\"args\":{\"name\":\(JSONWriting.string(laneName(lane)))}}"
            )
        }
        let ordered = spans.sorted { ($0.lane, $0.startNanos, $1.endNanos) < ($1.lane, $1.startNanos, $0.endNanos) }
        for span in ordered { events.append(event(span, origin: origin)) }
        return "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n" + events.joined(separator: ",\n") + "\n]}\n"
    }

    private static func event(_ span: TraceSpan, origin: UInt64) -> String {
        // Integer microseconds: truncating both ends keeps children inside their parent.
        let start = (span.startNanos - origin) / 1000
        let end = (span.endNanos - origin) / 1000
        var args = span.attributes.map { "\(JSONWriting.string($0.key)):\(value($0.value))" }
        args.append("\"trace_id\":\(JSONWriting.string(span.traceID))")
        args.append("\"span_id\":\(JSONWriting.string(span.spanID))")
        let category = span.lane == 0 ? "coordination" : "agent"
        return
            "{\"ph\":\"X\",\"name\":\(JSONWriting.string(span.name)),\"cat\":\"\(category)\",\"pid\":1,\"tid\":\(span.lane),"
            + "\"ts\":\(start),\"dur\":\(end - start),\"args\":{\(args.joined(separator: ","))}}"
    }

    private static func value(_ value: TraceSpan.Value) -> String {
        switch value {
        case .string(let text): JSONWriting.string(text)
        case .int(let number): "\(number)"
        case .double(let number): JSONWriting.number(number)
        }
    }
}
