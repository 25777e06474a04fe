import PerfGateMonitoring
import Testing

struct PushgatewayClientTests {
    @Test func plainGroupingKeyValuesGoIntoThePathAsTheyAre() throws {
        let client = try PushgatewayClient(url: "http://127.0.0.1:19091")
        #expect(client.path(groupingKey: [("job", "perfgate"), ("run_id", "20261129T012345Z-1a2b3c4")])
            == "/metrics/job/perfgate/run_id/20261129T012345Z-1a2b3c4")
    }

    @Test func otherValuesUseTheBase64URLForm() throws {
        let client = try PushgatewayClient(url: "http://127.0.0.1:19091/prefix/")
        // "a/b?" is YS9iPw== in base64url.
        #expect(client.path(groupingKey: [("job", "perfgate"), ("run_id", "a/b?")]) == "/prefix/metrics/job/perfgate/run_id@base64/YS9iPw==")
        #expect(client.path(groupingKey: [("job", "")]) == "/prefix/metrics/job@base64/")
    }

    @Test func aURLTheClientCannotUseIsAnError() {
        #expect(throws: MonitoringError.self) { try PushgatewayClient(url: "https://gateway.example.org") }
    }

    @Test func anUnreachableGatewayIsAnErrorNamingTheURL() throws {
        // Port 1 on loopback: nothing listens there on a test machine, so connect(2) is refused.
        let client = try PushgatewayClient(url: "http://127.0.0.1:1")
        do {
            try client.push(body: "x 1\n", contentType: PrometheusTextRenderer.contentType, groupingKey: [("job", "perfgate")])
            Issue.record("push to a closed port succeeded")
        } catch {
            #expect(error.message.hasPrefix("push to http://127.0.0.1:1: could not connect"))
        }
    }
}
