import PerfGateHTTP
import PerfGateMonitoring
import Synchronization
import Testing

/// Pushes to a stand-in gateway on 127.0.0.1 (kernel-chosen port) built on PerfGateHTTP's server.
struct PushgatewayExchangeTests {
    final class Recorder: Sendable {
        let requests = Mutex<[(method: String, path: String, contentType: String?, body: String)]>([])
    }

    static func withGateway(status: Int, answer: String, _ body: (UInt16, Recorder) throws -> Void) throws {
        let recorder = Recorder()
        let server = try HTTPServer(configuration: HTTPServer.Configuration(port: 0, placement: .unpinned)) { request in
            recorder.requests.withLock {
                $0.append((request.method.rawValue, String(request.path), request.headers["Content-Type"], String(decoding: request.body, as: UTF8.self)))
            }
            return .text(status: status, answer)
        }
        defer { server.shutdown() }
        try body(server.boundPort, recorder)
    }

    @Test func aPushIsAPutOfTheTextUnderTheGroupingKey() throws {
        try Self.withGateway(status: 200, answer: "") { port, recorder in
            let client = try PushgatewayClient(url: "http://127.0.0.1:\(port)")
            try client.push(body: "x 1\n", contentType: PrometheusTextRenderer.contentType, groupingKey: [("job", "perfgate"), ("run_id", "r-1")])
            let requests = recorder.requests.withLock { $0 }
            #expect(requests.count == 1)
            #expect(requests.first?.method == "PUT")
            #expect(requests.first?.path == "/metrics/job/perfgate/run_id/r-1")
            #expect(requests.first?.contentType == "text/plain; version=0.0.4; charset=utf-8")
            #expect(requests.first?.body == "x 1\n")
        }
    }

    @Test func aRefusedPushReportsTheStatusAndTheGatewaysReason() throws {
        try Self.withGateway(status: 400, answer: "pushed metrics are invalid or inconsistent with existing metrics\nmore") { port, _ in
            let client = try PushgatewayClient(url: "http://127.0.0.1:\(port)")
            do {
                try client.push(body: "x 1\n", contentType: PrometheusTextRenderer.contentType, groupingKey: [("job", "perfgate")])
                Issue.record("a 400 answer was taken as success")
            } catch {
                let message = (error as? MonitoringError)?.message ?? "\(error)"
                #expect(message.contains("the Pushgateway answered 400: pushed metrics are invalid or inconsistent with existing metrics;"))
                #expect(!message.contains("\n"))
            }
        }
    }
}
