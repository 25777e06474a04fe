import Glibc
import Synchronization
import Testing

@testable import PerfGateHTTP

struct HTTPLoadGeneratorTests {
    static func withServer(
        router: HTTPRouter = HTTPDemoService.makeRouter(),
        _ body: (HTTPEndpoint) throws -> Void
    ) throws {
        try SocketTest.run {
            let server = try HTTPServer(configuration: SocketTest.configuration(), handler: router.makeHandler())
            defer { server.shutdown() }
            try body(try HTTPEndpoint(url: "http://127.0.0.1:\(server.boundPort)/api/v1/health"))
        }
    }

    @Test func aClosedLoopSendsExactlyTheRequestBudget() throws {
        try Self.withServer { endpoint in
            let report = try HTTPLoadGenerator.run(
                HTTPLoadConfiguration(
                    endpoint: endpoint,
                    connections: 4,
                    duration: .seconds(30),
                    maxRequests: 300,
                    warmupRequestsPerConnection: 5,
                    placement: .unpinned
                )
            )
            #expect(report.requests == 300)
            #expect(report.latencySamples.count == 300)
            #expect(report.statusClasses.success == 300)
            #expect(report.connectionErrors == 0)
            #expect(report.errorRatio == 0)
            #expect(report.throughputPerSecond > 0)
            #expect(report.clientOverheadSeconds > 0 && report.clientCPUSeconds > 0)
            #expect(report.openLoopWakeLatenessSeconds == nil)
        }
    }

    @Test func histogramPercentilesMatchTheRawSamplesWithinTheDocumentedError() throws {
        try Self.withServer { endpoint in
            let report = try HTTPLoadGenerator.run(
                HTTPLoadConfiguration(
                    endpoint: endpoint,
                    connections: 2,
                    duration: .seconds(30),
                    maxRequests: 2000,
                    placement: .unpinned
                )
            )
            let sorted = report.latencySamples.map { UInt64(($0 * 1e9).rounded()) }.sorted()
            try #require(sorted.count == 2000)
            for p in [0.5, 0.9, 0.99, 1.0] {
                let exact = Double(LatencyHistogramTests.exactPercentile(sorted, p))
                let estimate = try #require(report.histogram.percentile(p)) * 1e9
                #expect(abs(estimate - exact) <= exact * LatencyHistogram.relativeError + 1, "p=\(p)")
            }
        }
    }

    @Test func requestShapesAreCycledAndBodiesGenerated() throws {
        let bodies = Mutex<[String]>([])
        var router = HTTPRouter()
        router.add(.get, "/a") { _ in .text("a") }
        router.add(.post, "/b") { request in
            bodies.withLock { $0.append(String(decoding: request.body, as: UTF8.self)) }
            return .text("b")
        }
        try Self.withServer(router: router) { endpoint in
            let report = try HTTPLoadGenerator.run(
                HTTPLoadConfiguration(
                    endpoint: endpoint,
                    connections: 1,
                    duration: .seconds(30),
                    maxRequests: 6,
                    requests: [HTTPClientRequest(path: "/a"), HTTPClientRequest(method: .post, path: "/b")],
                    makeBody: { connection, sequence in Array("\(connection)-\(sequence)".utf8) },
                    placement: .unpinned
                )
            )
            #expect(report.statusClasses.success == 6)
        }
        #expect(bodies.withLock { $0 } == ["0-1", "0-3", "0-5"])
    }

    @Test func anOpenLoopChargesAStallToEveryRequestScheduledDuringIt() throws {
        let hasStalled = Atomic<Bool>(false)
        var router = HTTPRouter()
        router.add(.get, "/stall-once") { _ in
            if !hasStalled.exchange(true, ordering: .relaxed) { usleep(100_000) }
            return .text("ok")
        }
        try Self.withServer(router: router) { endpoint in
            let report = try HTTPLoadGenerator.run(
                HTTPLoadConfiguration(
                    endpoint: endpoint,
                    connections: 1,
                    mode: .openLoop(requestsPerSecond: 1000),
                    duration: .milliseconds(400),
                    requests: [HTTPClientRequest(path: "/stall-once")],
                    placement: .unpinned
                )
            )
            let delayed = report.latencySamples.filter { $0 >= 0.05 }.count
            // About 100 requests were due during the 100 ms stall; about half waited 50 ms or more.
            // A closed loop would record the stall once.
            #expect(delayed >= 20, "only \(delayed) of \(report.requests) latencies show the stall")
            #expect(report.requests > 100)
            #expect(report.openLoopWakeLatenessSeconds != nil)
        }
    }

    @Test func aServerThatIsNotListeningGivesConnectionErrorsNotAHang() throws {
        try SocketTest.run {
            let (listener, port) = try Socket.makeListener(address: "127.0.0.1", port: 0, backlog: 1)
            SystemCall.close(listener)  // The port is now (very likely) closed.
            let report = try HTTPLoadGenerator.run(
                HTTPLoadConfiguration(
                    endpoint: HTTPEndpoint(host: "127.0.0.1", port: port),
                    duration: .milliseconds(50),
                    placement: .unpinned
                )
            )
            #expect(report.requests == 0)
            #expect(report.connectionErrors > 0)
            #expect(report.errorRatio == 1)
        }
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080/api/v1/health", HTTPEndpoint(host: "127.0.0.1", port: 8080, path: "/api/v1/health")),
        ("http://localhost", HTTPEndpoint(host: "127.0.0.1", port: 80, path: "/")),
        ("http://10.0.0.1:1/x?y=1", HTTPEndpoint(host: "10.0.0.1", port: 1, path: "/x?y=1")),
    ])
    func urlsWithNumericHostsParse(url: String, expected: HTTPEndpoint) throws {
        #expect(try HTTPEndpoint(url: url) == expected)
    }

    @Test(arguments: [
        "https://127.0.0.1/", "http://example.com/", "http://127.0.0.1:0/", "http://127.0.0.1:99999/", "ftp://x",
    ])
    func otherURLsAreRejected(url: String) {
        #expect(throws: HTTPClientError.invalidURL(url)) { try HTTPEndpoint(url: url) }
    }

    @Test func theEchoFloorReturnsOneSamplePerRoundTrip() throws {
        try SocketTest.run {
            let samples = try EchoFloor.measure(
                EchoFloor.Configuration(
                    roundTrips: 200,
                    warmupRoundTrips: 10,
                    serverPlacement: .unpinned,
                    clientPlacement: .unpinned
                )
            )
            #expect(samples.count == 200)
            #expect(samples.allSatisfy { $0 > 0 })
        }
    }
}
