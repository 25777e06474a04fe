import Foundation
import PerfGateMonitoring
import Testing

struct TraceEncodersTests {
    static func twoSpans() -> [TraceSpan] {
        var ids = TraceIDGenerator(seed: 1)
        let trace = ids.traceID()
        let root = ids.spanID()
        return [
            TraceSpan(
                traceID: trace,
                spanID: root,
                parentSpanID: nil,
                name: "coordination.round",
                startNanos: 1_795_914_765_000_000_000,
                endNanos: 1_795_914_765_182_000_000,
                attributes: [("perfgate.round", .int(7))]
            ),
            TraceSpan(
                traceID: trace,
                spanID: ids.spanID(),
                parentSpanID: root,
                name: "coordination.bid",
                startNanos: 1_795_914_765_001_000_000,
                endNanos: 1_795_914_765_120_000_000,
                attributes: [("perfgate.agent_id", .string("agent-0"))],
                lane: 1
            ),
        ]
    }

    @Test func idsAreLowercaseHexOfTheRightLengthAndSeeded() {
        var first = TraceIDGenerator(seed: 3)
        var second = TraceIDGenerator(seed: 3)
        let hex = Set("0123456789abcdef")
        for _ in 0..<100 {
            let trace = first.traceID()
            let span = first.spanID()
            #expect(trace.count == 32 && trace.allSatisfy(hex.contains) && trace != String(repeating: "0", count: 32))
            #expect(span.count == 16 && span.allSatisfy(hex.contains) && span != String(repeating: "0", count: 16))
            #expect(trace == second.traceID() && span == second.spanID())
        }
    }

    @Test func otlpJSONHasHexIdsStringTimesIntegerKindAndServiceName() throws {
        let text = OTLPTraceEncoder.encode(Self.twoSpans(), version: "1.0")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let resource = try #require((object["resourceSpans"] as? [[String: Any]])?.first)
        #expect(text.contains(#"{"key":"service.name","value":{"stringValue":"perfgate"}}"#))
        let spans = try #require(((resource["scopeSpans"] as? [[String: Any]])?.first?["spans"]) as? [[String: Any]])
        #expect(spans.count == 2)
        #expect(spans[0]["parentSpanId"] == nil)
        #expect(spans[1]["parentSpanId"] as? String == spans[0]["spanId"] as? String)
        #expect(spans[0]["startTimeUnixNano"] as? String == "1795914765000000000")
        #expect(spans[0]["kind"] as? Int == 1)
        #expect(text.contains(#"{"key":"perfgate.round","value":{"intValue":"7"}}"#))
    }

    @Test func chromeEventsPutAgentsOnTheirOwnThreadInMicroseconds() throws {
        let text = ChromeTraceEncoder.encode(Self.twoSpans())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let events = try #require(object["traceEvents"] as? [[String: Any]])
        let complete = events.filter { $0["ph"] as? String == "X" }
        #expect(complete.count == 2)
        let bid = try #require(complete.first { $0["name"] as? String == "coordination.bid" })
        #expect(bid["tid"] as? Int == 1)
        #expect(bid["ts"] as? Int == 1000)
        #expect(bid["dur"] as? Int == 119_000)
        #expect(events.contains { $0["name"] as? String == "thread_name" && $0["tid"] as? Int == 1 })
    }

    @Test func logLinesCarryRFC3339UTCAndTheTraceIds() throws {
        let line = JSONLogLine(
            timeNanos: 1_795_914_765_120_000_000,
            level: .info,
            message: "round \"7\" done",
            correlationID: "run/round-7",
            traceID: "5b8efff798038103d269b633813fc60c",
            spanID: "eee19b7ec3c1b174",
            fields: [("round", .int(7)), ("agent_id", .string("agent-1"))]
        ).text
        #expect(line.hasSuffix("}\n") && !line.dropLast().contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["ts"] as? String == "2026-11-29T01:12:45.120Z")
        #expect(object["msg"] as? String == "round \"7\" done")
        #expect(object["span_id"] as? String == "eee19b7ec3c1b174")
        #expect(object["round"] as? Int == 7)
        #expect(JSONLogLine.rfc3339(0) == "1970-01-01T00:00:00.000Z")
        #expect(JSONLogLine.rfc3339(951_782_400_000_000_000) == "2000-02-29T00:00:00.000Z")
    }
}
