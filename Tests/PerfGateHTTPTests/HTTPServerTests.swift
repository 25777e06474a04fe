import Glibc
import Synchronization
import Testing

@testable import PerfGateHTTP

struct HTTPServerTests {
    static func withServer(
        _ configuration: HTTPServer.Configuration = SocketTest.configuration(),
        router: HTTPRouter = HTTPDemoService.makeRouter(),
        _ body: (HTTPServer, HTTPClient) throws -> Void
    ) throws {
        try SocketTest.run {
            let server = try HTTPServer(configuration: configuration, handler: router.makeHandler())
            defer { server.shutdown() }
            let client = try HTTPClient(endpoint: HTTPEndpoint(host: "127.0.0.1", port: server.boundPort))
            try body(server, client)
        }
    }

    @Test func aRoutedRequestGets200WithItsPathParameter() throws {
        try Self.withServer { _, client in
            let response = try client.send(HTTPClientRequest(path: "/api/v1/items/abc"))
            #expect(response.status == 200)
            #expect(response.bodyText == "{\"id\":\"abc\"}")
            #expect(response.headers["Content-Type"] == "application/json")
        }
    }

    @Test func anUnknownPathGets404WithTheJSONErrorShape() throws {
        try Self.withServer { _, client in
            let response = try client.send(HTTPClientRequest(path: "/nope"))
            #expect(response.status == 404)
            #expect(response.bodyText.hasPrefix("{\"error\":{\"status\":404,\"code\":\"not_found\",\"message\":"))
            #expect(response.isKeepAlive)
        }
    }

    @Test func aWrongMethodGets405WithAllow() throws {
        try Self.withServer { _, client in
            let response = try client.send(HTTPClientRequest(method: .put, path: "/api/v1/items/1", body: [1]))
            #expect(response.status == 405)
            #expect(response.headers["Allow"] == "DELETE, GET, HEAD")
        }
    }

    @Test func aPostWithoutContentLengthGets411AndIsClosed() throws {
        try SocketTest.run {
            let server = try HTTPServer(
                configuration: SocketTest.configuration(),
                handler: HTTPDemoService.makeRouter().makeHandler()
            )
            defer { server.shutdown() }
            let raw = try RawConnection(port: server.boundPort)
            raw.send("POST /api/v1/echo HTTP/1.1\r\nHost: h\r\n\r\n")
            let (text, isClosed) = raw.readUntilClosed()
            #expect(text.hasPrefix("HTTP/1.1 411 Length Required\r\n"))
            #expect(text.contains("Connection: close"))
            #expect(isClosed)
        }
    }

    @Test func aBodyOverTheLimitGets413() throws {
        try Self.withServer { _, client in
            let response = try client.send(
                HTTPClientRequest(method: .post, path: "/api/v1/echo", body: Array(repeating: 7, count: 5000))
            )
            #expect(response.status == 413)
            #expect(!response.isKeepAlive)
        }
    }

    @Test func headersOverTheLimitGet431() throws {
        try Self.withServer { _, client in
            let headers: HTTPHeaders = ["X-Fill": String(repeating: "a", count: 3000)]
            let response = try client.send(HTTPClientRequest(path: "/api/v1/health", headers: headers))
            #expect(response.status == 431)
        }
    }

    @Test func aMalformedRequestGets400() throws {
        try SocketTest.run {
            let server = try HTTPServer(
                configuration: SocketTest.configuration(),
                handler: HTTPDemoService.makeRouter().makeHandler()
            )
            defer { server.shutdown() }
            let raw = try RawConnection(port: server.boundPort)
            raw.send("GET /a b HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(raw.readUntilClosed().text.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
            #expect(server.statistics.parseErrors == 1)
        }
    }

    @Test func aThrowingHandlerGetsA500ThatLeaksNothing() throws {
        try Self.withServer { server, client in
            let response = try client.send(HTTPClientRequest(path: "/api/v1/fail"))
            #expect(response.status == 500)
            #expect(!response.bodyText.contains("passwd"))
            #expect(response.bodyText.contains("\"code\":\"internal_error\""))
            #expect(server.statistics.handlerErrors == 1)
        }
    }

    @Test func aKeepAliveConnectionServesManyRequests() throws {
        try Self.withServer { server, client in
            for index in 0..<20 {
                let body = Array("ping \(index)".utf8)
                let response = try client.send(HTTPClientRequest(method: .post, path: "/api/v1/echo", body: body))
                #expect(response.body == body)
            }
            #expect(client.reconnectCount == 0)
            #expect(server.statistics.connectionsAccepted == 1)
            #expect(server.statistics.requestsServed == 20)
        }
    }

    @Test func a204HasNoContentLengthAndTheConnectionStaysUsable() throws {
        try Self.withServer { _, client in
            let deleted = try client.send(HTTPClientRequest(method: .delete, path: "/api/v1/items/1"))
            #expect(deleted.status == 204)
            #expect(deleted.headers["Content-Length"] == nil)
            #expect(try client.send(HTTPClientRequest(path: "/api/v1/health")).status == 200)
            #expect(client.reconnectCount == 0)
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try Self.withServer { server, client in
            let response = try client.send(HTTPClientRequest(path: "/api/v1/health", headers: ["Connection": "close"]))
            #expect(response.status == 200)
            #expect(!response.isKeepAlive)
            #expect(!client.isConnected)
            _ = try client.send(HTTPClientRequest(path: "/api/v1/health"))
            #expect(client.reconnectCount == 1)
            #expect(server.statistics.connectionsAccepted == 2)
        }
    }

    @Test func anHTTP10RequestIsAnsweredAndClosed() throws {
        try SocketTest.run {
            let server = try HTTPServer(
                configuration: SocketTest.configuration(),
                handler: HTTPDemoService.makeRouter().makeHandler()
            )
            defer { server.shutdown() }
            let raw = try RawConnection(port: server.boundPort)
            raw.send("GET /api/v1/health HTTP/1.0\r\n\r\n")
            let (text, isClosed) = raw.readUntilClosed()
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(isClosed)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try SocketTest.run {
            let server = try HTTPServer(
                configuration: SocketTest.configuration(),
                handler: HTTPDemoService.makeRouter().makeHandler()
            )
            defer { server.shutdown() }
            let raw = try RawConnection(port: server.boundPort)
            raw.send("GET /api/v1/items/1 HTTP/1.1\r\nHost: h\r\n\r\nGET /api/v1/items/2 HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(raw.readResponse()?.bodyText == "{\"id\":\"1\"}")
            #expect(raw.readResponse()?.bodyText == "{\"id\":\"2\"}")
        }
    }

    @Test func aConnectionOverTheLimitGets503AndTheOthersKeepWorking() throws {
        try Self.withServer(SocketTest.configuration(maxConnections: 1)) { server, client in
            _ = try client.send(HTTPClientRequest(path: "/api/v1/health"))
            let second = try HTTPClient(endpoint: client.endpoint)
            let rejected = try second.send(HTTPClientRequest(path: "/api/v1/health"))
            #expect(rejected.status == 503)
            #expect(rejected.bodyText.contains("\"code\":\"overloaded\""))
            #expect(try client.send(HTTPClientRequest(path: "/api/v1/health")).status == 200)
            #expect(server.statistics.connectionsRejected == 1)
        }
    }

    @Test func twoEventLoopsServeManyConcurrentClients() throws {
        try Self.withServer(SocketTest.configuration(eventLoopCount: 2)) { server, client in
            let clients = try (0..<50).map { _ in try HTTPClient(endpoint: client.endpoint) }
            for round in 0..<3 {
                for (index, each) in clients.enumerated() {
                    let response = try each.send(HTTPClientRequest(path: "/api/v1/items/\(index)-\(round)"))
                    #expect(response.bodyText == "{\"id\":\"\(index)-\(round)\"}")
                }
            }
            #expect(server.statistics.connectionsAccepted == 51)
            #expect(server.statistics.openConnections == 51, "\(server.statistics) reconnects \(clients.map(\.reconnectCount).reduce(0, +))")
        }
    }

    @Test func aHeadRequestGetsHeadersWithoutBody() throws {
        try SocketTest.run {
            let server = try HTTPServer(
                configuration: SocketTest.configuration(),
                handler: HTTPDemoService.makeRouter().makeHandler()
            )
            defer { server.shutdown() }
            let raw = try RawConnection(port: server.boundPort)
            raw.send("HEAD /api/v1/health HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
            let text = raw.readUntilClosed().text
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(text.contains("Content-Length: 15\r\n"))
            #expect(text.hasSuffix("\r\n\r\n"))
        }
    }

    @Test func shutdownFinishesAnInFlightRequest() throws {
        try SocketTest.run {
            let entered = Gate()
            let release = Gate()
            let router = HTTPDemoService.makeRouter {
                entered.open()
                release.wait()
            }
            let server = try HTTPServer(configuration: SocketTest.configuration(), handler: router.makeHandler())
            let idle = try RawConnection(port: server.boundPort)
            let raw = try RawConnection(port: server.boundPort)
            raw.send("GET /api/v1/wait HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(entered.wait())
            let stopped = Gate()
            let stopper = try POSIXThread {
                server.shutdown()
                stopped.open()
            }
            release.open()
            let (text, isClosed) = raw.readUntilClosed()
            stopper.join()
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            // "Connection: close" only if the stop flag was set before the handler returned: a race.
            #expect(text.hasSuffix("{\"waited\":true}"))
            #expect(isClosed)
            #expect(idle.readUntilClosed().isClosed)
            #expect(throws: HTTPClientError.self) {
                _ = try HTTPClient(endpoint: HTTPEndpoint(host: "127.0.0.1", port: server.boundPort))
            }
        }
    }
}
