/// Encodes spans as OTLP/JSON (`ExportTraceServiceRequest`): `resourceSpans → scopeSpans → spans`.
///
/// Follows the OTLP/JSON rules that differ from protobuf's usual JSON mapping: ids are lowercase hex
/// (not base64), `kind` is an integer (1, internal), 64-bit numbers (`startTimeUnixNano`,
/// `endTimeUnixNano`, `intValue`) are decimal strings, keys are lowerCamelCase. The resource carries
/// `service.name` (and `service.version`). Root spans have no `parentSpanId` key.
public enum OTLPTraceEncoder {
    /// The trace as one OTLP/JSON document (ends in a newline).
    /// - Parameters:
    ///   - spans: every span, any order.
    ///   - serviceName: `service.name` of the resource.
    ///   - version: `service.version` and the scope version.
    /// - Complexity: O(spans × attributes).
    public static func encode(_ spans: [TraceSpan], serviceName: String = "perfgate", version: String) -> String {
        let resource = attributes([("service.name", .string(serviceName)), ("service.version", .string(version))])
        let body = spans.map(span).joined(separator: ",\n")
        return """
            {"resourceSpans":[{"resource":{"attributes":\(resource)},"scopeSpans":[{"scope":{"name":"perfgate.coordination","version":\(JSONWriting.string(version))},"spans":[
            \(body)
            ]}]}]}

            """
    }

    private static func span(_ span: TraceSpan) -> String {
        var fields = [
            "\"traceId\":\(JSONWriting.string(span.traceID))",
            "\"spanId\":\(JSONWriting.string(span.spanID))",
        ]
        if let parent = span.parentSpanID { fields.append("\"parentSpanId\":\(JSONWriting.string(parent))") }
        fields += [
            "\"name\":\(JSONWriting.string(span.name))",
            "\"kind\":1",
            "\"startTimeUnixNano\":\"\(span.startNanos)\"",
            "\"endTimeUnixNano\":\"\(span.endNanos)\"",
            "\"attributes\":\(attributes(span.attributes))",
            "\"status\":{}",
        ]
        return "{" + fields.joined(separator: ",") + "}"
    }

    private static func attributes(_ pairs: [(key: String, value: TraceSpan.Value)]) -> String {
        "["
            + pairs.map { "{\"key\":\(JSONWriting.string($0.key)),\"value\":\(value($0.value))}" }.joined(
                separator: ","
            ) + "]"
    }

    private static func value(_ value: TraceSpan.Value) -> String {
        switch value {
        case .string(let text): "{\"stringValue\":\(JSONWriting.string(text))}"
        case .int(let number): "{\"intValue\":\"\(number)\"}"
        case .double(let number): "{\"doubleValue\":\(JSONWriting.number(number))}"
        }
    }
}
