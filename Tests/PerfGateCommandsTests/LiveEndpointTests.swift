import Foundation
import PerfGateAgentService
import PerfGateAgents
import PerfGateHTTP
import PerfGateMonitoring
import PerfGateResults
import Testing

@testable import PerfGateCommands

/// The live endpoint of `bench serve`: a real server, a soak, and scrapes over loopback.
struct LiveEndpointTests {
    /// The registry after a soak of 10 agents ran 3 rounds, made once for the whole suite: `swift test`
    /// runs every suite in one process, and several swarms allocating at once would disturb the heap
    /// and resident-memory readings of the memory suites.
    static let soaked = Task { () -> LiveRegistry in
        let metrics = LiveRegistry()
        metrics.set("agent_coordination_limit", to: 50)
        let log = DiagnosticLog(output: TextOutput.makeBuffer(), json: false)
        let soak = SoakRunner(
            agents: 10,
            model: .light,
            seed: 7,
            registry: metrics,
            log: log,
            runID: "test",
            tracedRounds: 5
        )
        soak.start()
        while soak.rounds < 3 { try? await Task.sleep(for: .milliseconds(5)) }
        await soak.stop()
        return metrics
    }

    /// A server wired as `bench serve --soak` wires it, over the soaked registry (see ``soaked``), after
    /// one API step and one 404; `body` runs while it serves.
    static func withLiveServer(_ body: (HTTPClient, LiveRegistry, UInt16) throws -> Void) async throws {
        let metrics = await soaked.value
        let service = AgentService(observer: LiveAPIObserver(registry: metrics))
        try service.registry.create()
        let server = try HTTPServer(
            configuration: HTTPServer.Configuration(
                address: "127.0.0.1",
                port: 0,
                eventLoopCount: 1,
                placement: .unpinned
            ),
            handler: MetricsEndpoint.wrap(service.makeHandler(), registry: metrics)
        )
        defer { server.shutdown() }
        let client = try HTTPClient(endpoint: HTTPEndpoint(host: "127.0.0.1", port: server.boundPort))
        _ = try client.send(.post, "/api/v1/agents/1/step", #"{"observation": 1}"#)
        _ = try client.send(.get, "/api/v1/agents/99")
        try body(client, metrics, server.boundPort)
    }

    /// Sample lines of a 0.0.4 body: (name, labels text) per sample.
    static func samples(_ body: String) -> [(name: String, labels: String)] {
        body.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let head = line.split(separator: " ")[0]
            let name = head.split(separator: "{")[0]
            return (String(name), String(head.dropFirst(name.count)))
        }
    }

    @Test func aScrapeHasEveryLiveFamilyWithHelpTypeAndTheExactContentType() async throws {
        try await Self.withLiveServer { client, _, _ in
            let response = try client.send(.get, "/metrics")
            #expect(response.status == 200)
            #expect(response.headers["Content-Type"] == PrometheusTextRenderer.contentType)
            let body = response.bodyText
            for family in LiveMetrics.families {
                #expect(body.contains("# HELP \(family.name) "), "no HELP for \(family.name)")
                #expect(body.contains("# TYPE \(family.name) \(family.type.rawValue)\n"), "no TYPE for \(family.name)")
                #expect(Self.samples(body).contains { $0.name.hasPrefix(family.name) }, "no sample of \(family.name)")
            }
            let series = Self.samples(body).map { $0.name + $0.labels }
            #expect(Set(series).count == series.count, "duplicate series in the scrape")
            #expect(body.hasSuffix("\n"))
        }
    }

    @Test func theSecondPathAndOpenMetricsNegotiationAnswerToo() async throws {
        try await Self.withLiveServer { client, _, _ in
            let accept = "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"
            let response = try client.send(
                HTTPClientRequest(path: "/api/v1/monitoring/metrics", headers: ["Accept": accept])
            )
            #expect(response.headers["Content-Type"] == OpenMetricsRenderer.contentType)
            #expect(response.bodyText.hasSuffix("# EOF\n"))
            #expect(response.bodyText.contains("agent_coordination_requests_total "))
            #expect(response.bodyText.contains("# TYPE agent_coordination_requests counter\n"))
            let plain = try client.send(
                HTTPClientRequest(path: "/api/v1/monitoring/metrics", headers: ["Accept": "text/plain"])
            )
            #expect(plain.headers["Content-Type"] == PrometheusTextRenderer.contentType)
        }
    }

    @Test func acceptHeadersChooseTheFormat() {
        #expect(MetricsEndpoint.prefersOpenMetrics("application/openmetrics-text; version=1.0.0"))
        #expect(
            MetricsEndpoint.prefersOpenMetrics(
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5"
            )
        )
        #expect(!MetricsEndpoint.prefersOpenMetrics(nil))
        #expect(!MetricsEndpoint.prefersOpenMetrics("*/*"))
        #expect(!MetricsEndpoint.prefersOpenMetrics("application/openmetrics-text;q=0,text/plain"))
        #expect(!MetricsEndpoint.prefersOpenMetrics("application/openmetrics-text;q=0.2,text/plain;q=0.9"))
    }

    @Test func apiLatencyIsLabelledByRouteTemplateNeverByRawPath() async throws {
        try await Self.withLiveServer { client, _, _ in
            let body = try client.send(.get, "/metrics").bodyText
            let routes = Set(
                Self.samples(body).filter { $0.name == "api_request_duration_seconds_count" }.map(\.labels)
            )
            #expect(routes.contains(#"{route="/api/v1/agents/{id}/step",method="POST",status="200"}"#), "\(routes)")
            #expect(routes.contains(#"{route="/api/v1/agents/{id}",method="GET",status="404"}"#), "\(routes)")
            #expect(!body.contains("/api/v1/agents/1\""))
            #expect(!body.contains("/api/v1/agents/99"))
        }
    }

    @Test func theSoakFeedsTheCoordinationCounters() async throws {
        try await Self.withLiveServer { _, metrics, _ in
            #expect((metrics.value("agent_coordination_requests_total") ?? 0) >= 3)
            // 10 agents × ≥ 3 rounds, plus the API step.
            #expect((metrics.value("belief_state_updates_total") ?? 0) >= 31)
            #expect(metrics.value("agent_coordination_concurrent_sessions") == 0)  // Stopped.
            #expect(metrics.value("agent_memory_bytes", labels: ["agent": "agent-3"]).map { $0 > 0 } == true)
        }
    }

    @Test func everyMetricTheDashboardQueriesIsInARealScrape() async throws {
        try await Self.withLiveServer { client, _, _ in
            let scraped = Set(Self.samples(try client.send(.get, "/metrics").bodyText).map(\.name))
            let dashboard = DashboardBuilder.dashboard(
                limits: MonitoringLimits(
                    agentLimit: 50,
                    memoryBytesPerAgent: 36_175_872,
                    apiLatencyQuantile: 0.95,
                    apiLatencySeconds: 0.5,
                    timeoutRatio: 0.05
                )
            )
            let queried = Self.expressions(in: dashboard).flatMap(Self.identifiers).filter(
                LiveMetrics.sampleNames.contains
            )
            #expect(Set(queried).count >= 5)
            for name in Set(queried) {
                #expect(scraped.contains(name), "\(name) is queried by the dashboard but not scraped")
            }
        }
    }

    /// Every `expr` string in a dashboard.
    static func expressions(in value: JSONValue) -> [String] {
        switch value {
        case .object(let pairs):
            pairs.flatMap { pair -> [String] in
                if pair.key == "expr", case .string(let text) = pair.value { return [text] }
                return expressions(in: pair.value)
            }
        case .array(let items): items.flatMap(expressions)
        default: []
        }
    }

    /// Identifiers of a PromQL expression outside strings, label matchers and ranges.
    static func identifiers(in expression: String) -> [String] {
        var words: [String] = []
        var current = ""
        var skipUntil: Character?
        for character in expression + " " {
            if let end = skipUntil {
                if character == end { skipUntil = nil }
                continue
            }
            if character.isLetter || character == "_" || (character.isNumber && !current.isEmpty) {
                current.append(character)
                continue
            }
            if !current.isEmpty { words.append(current) }
            current = ""
            skipUntil = ["\"": "\"", "{": "}", "[": "]"][character]
        }
        return words
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"),
            "curl not installed (CI installs it in .ci/checks/live.sh)"
        )
    )
    func curlSeesTheExactContentTypes() async throws {
        try await Self.withLiveServer { _, _, port in
            let plain = try Self.curl(["-sS", "-D", "-", "-o", "/dev/null", "http://127.0.0.1:\(port)/metrics"])
            #expect(plain.contains("Content-Type: \(PrometheusTextRenderer.contentType)\r\n"))
            let om = try Self.curl([
                "-sS", "-D", "-", "-o", "/dev/null", "-H", "Accept: application/openmetrics-text;version=1.0.0",
                "http://127.0.0.1:\(port)/metrics",
            ])
            #expect(om.contains("Content-Type: \(OpenMetricsRenderer.contentType)\r\n"))
        }
    }

    static func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

extension HTTPClient {
    /// Sends `method path` with an optional body.
    fileprivate func send(_ method: HTTPMethod, _ path: String, _ body: String = "") throws -> HTTPClientResponse {
        try send(HTTPClientRequest(method: method, path: path, body: Array(body.utf8)))
    }
}
