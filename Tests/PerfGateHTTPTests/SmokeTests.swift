import Testing
import PerfGateHTTP

struct SmokeTests {
    @Test func serverAnswersHealth() throws {
        let server = try HTTPServer(configuration: .init(placement: .unpinned), handler: HTTPDemoService.makeRouter().makeHandler())
        defer { server.shutdown() }
        let client = try HTTPClient(endpoint: HTTPEndpoint(host: "127.0.0.1", port: server.boundPort))
        let response = try client.send(HTTPClientRequest(path: "/api/v1/health"))
        #expect(response.status == 200)
        #expect(response.bodyText == "{\"status\":\"ok\"}")
        print(server.boundPort)
    }
}
