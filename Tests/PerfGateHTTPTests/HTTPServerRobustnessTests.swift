import PerfGateStatistics
import Glibc
import Testing

@testable import PerfGateHTTP

/// Hostile or broken clients: the server answers or closes them, never crashes, and keeps serving a
/// well-behaved client meanwhile. Timeouts are configured short (200 ms); the receive timeout of the
/// raw sockets (10 s) only bounds a hang, it is not a timing assertion.
struct HTTPServerRobustnessTests {
    static let shortTimeouts = SocketTest.configuration(
        maxConnections: 64,
        idleTimeout: .milliseconds(200),
        requestTimeout: .milliseconds(200)
    )

    static func withServer(
        _ configuration: HTTPServer.Configuration = shortTimeouts,
        _ body: (HTTPServer, HTTPClient) throws -> Void
    ) throws {
        try SocketTest.run {
            let server = try HTTPServer(
                configuration: configuration,
                handler: HTTPDemoService.makeRouter().makeHandler()
            )
            defer { server.shutdown() }
            let wellBehaved = try HTTPClient(endpoint: HTTPEndpoint(host: "127.0.0.1", port: server.boundPort))
            try body(server, wellBehaved)
            #expect(try wellBehaved.send(HTTPClientRequest(path: "/api/v1/health")).status == 200)
        }
    }

    @Test func aRequestLineOf100KiBGets414AndIsClosed() throws {
        try Self.withServer { _, client in
            let raw = try RawConnection(port: client.endpoint.port)
            raw.send("GET /" + String(repeating: "a", count: 100 * 1024) + " HTTP/1.1\r\nHost: h\r\n\r\n")
            let (text, isClosed) = raw.readUntilClosed()
            #expect(text.hasPrefix("HTTP/1.1 414 URI Too Long\r\n"))
            #expect(isClosed)
        }
    }

    @Test func headersThatNeverEndAreAnswered408AfterTheRequestTimeout() throws {
        try Self.withServer { server, client in
            let raw = try RawConnection(port: client.endpoint.port)
            raw.send("GET /api/v1/health HTTP/1.1\r\nHost: h\r\nX-Slow: 1\r\n")
            #expect(try client.send(HTTPClientRequest(path: "/api/v1/health")).status == 200)
            let (text, isClosed) = raw.readUntilClosed()
            #expect(text.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
            #expect(isClosed)
            #expect(server.statistics.timeouts >= 1)
        }
    }

    @Test func aBodyShorterThanItsContentLengthThenCloseIsDropped() throws {
        try Self.withServer { server, _ in
            do {
                let raw = try RawConnection(port: server.boundPort)
                raw.send("POST /api/v1/echo HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\nonly a few bytes")
            }
            #expect(server.statistics.requestsServed == 0)
        }
    }

    @Test func aClientThatSendsNothingIsClosedByTheIdleTimeout() throws {
        try Self.withServer { server, _ in
            let raw = try RawConnection(port: server.boundPort)
            let (text, isClosed) = raw.readUntilClosed()
            #expect(text.isEmpty)
            #expect(isClosed)
        }
    }

    @Test func aBodyOverTheLimitIsAnswered413EvenWhileTheClientKeepsSending() throws {
        try Self.withServer { _, client in
            let raw = try RawConnection(port: client.endpoint.port)
            raw.send("POST /api/v1/echo HTTP/1.1\r\nHost: h\r\nContent-Length: 200000\r\n\r\n")
            raw.send([UInt8](repeating: 0x41, count: 200_000))
            #expect(raw.readUntilClosed().text.hasPrefix("HTTP/1.1 413 Content Too Large\r\n"))
        }
    }

    @Test func chunkedRequestBodiesGet501() throws {
        try Self.withServer { _, client in
            let raw = try RawConnection(port: client.endpoint.port)
            raw.send(
                "POST /api/v1/echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
            )
            #expect(raw.readUntilClosed().text.hasPrefix("HTTP/1.1 501 Not Implemented\r\n"))
        }
    }

    @Test func binaryGarbageGets400() throws {
        try Self.withServer { _, client in
            let raw = try RawConnection(port: client.endpoint.port)
            var generator = SplitMix64(seed: 42)
            raw.send((0..<512).map { _ in UInt8(truncatingIfNeeded: generator.next()) } + [0x0A])
            let (text, isClosed) = raw.readUntilClosed()
            #expect(text.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
            #expect(isClosed)
        }
    }

    @Test func aThousandConnectionsAtOnceAreServedOrRejectedWithoutACrash() throws {
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < 4096 {
            limit.rlim_cur = min(4096, limit.rlim_max)
            setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        }
        try #require(limit.rlim_cur >= 2200, "RLIMIT_NOFILE too low for 1,000 connections on both ends")
        let configuration = SocketTest.configuration(maxConnections: 500)
        try Self.withServer(configuration) { server, client in
            let connections = try (0..<1000).map { _ in try RawConnection(port: client.endpoint.port) }
            for connection in connections {
                connection.send("GET /api/v1/health HTTP/1.1\r\nHost: h\r\n\r\n")
            }
            var statuses: [Int: Int] = [:]
            for connection in connections {
                statuses[connection.readResponse()?.status ?? 0, default: 0] += 1
            }
            #expect(statuses[200, default: 0] + statuses[503, default: 0] == 1000, "\(statuses)")
            #expect(statuses[200, default: 0] == 499, "one slot is the well-behaved client's")
            #expect(server.statistics.connectionsRejected == 501)
        }
    }
}

