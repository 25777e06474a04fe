import Testing

@testable import PerfGateHTTP

struct HTTPRequestParserTests {
    static let post =
        "POST /api/v1/agents/7/step?x=1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"steps\": 10}"

    /// Feeds the chunks in order and collects the actions until data runs out.
    static func parse(_ chunks: [[UInt8]], limits: HTTPRequestParser.Limits = .init()) -> [HTTPRequestParser.Action] {
        var parser = HTTPRequestParser(limits: limits)
        var actions: [HTTPRequestParser.Action] = []
        for chunk in chunks {
            parser.append(contentsOf: chunk)
            loop: while true {
                let action = parser.next()
                switch action {
                case .needMoreData: break loop
                case .failure:
                    actions.append(action)
                    return actions
                case .request: actions.append(action)
                }
            }
        }
        return actions
    }

    static func requests(_ actions: [HTTPRequestParser.Action]) -> [HTTPRequest] {
        actions.compactMap { if case .request(let request) = $0 { request } else { nil } }
    }

    static func failure(_ actions: [HTTPRequestParser.Action]) -> HTTPParseError? {
        actions.lazy.compactMap { if case .failure(let error) = $0 { error } else { nil } }.first
    }

    @Test func aValidRequestParsesTheSameWhereverTheInputIsSplit() throws {
        let bytes = Array((Self.post + "GET /api/v1/health HTTP/1.1\r\nHost: h\r\n\r\n").utf8)
        for split in 0...bytes.count {
            let actions = Self.parse([Array(bytes[..<split]), Array(bytes[split...])])
            let requests = Self.requests(actions)
            try #require(requests.count == 2, "split at \(split)")
            #expect(requests[0].method == .post)
            #expect(requests[0].path == "/api/v1/agents/7/step")
            #expect(requests[0].query == "x=1")
            #expect(requests[0].headers["content-type"] == "application/json")
            #expect(requests[0].body == Array("{\"steps\": 10}".utf8))
            #expect(requests[1].target == "/api/v1/health")
        }
    }

    @Test func aValidRequestParsesWhenFedOneByteAtATime() throws {
        let bytes = Array(Self.post.utf8)
        let requests = Self.requests(Self.parse(bytes.map { [$0] }))
        try #require(requests.count == 1)
        #expect(requests[0].body.count == 13)
        #expect(requests[0].isKeepAlive)
    }

    @Test(arguments: [
        ("GET  / HTTP/1.1\r\n\r\n", HTTPParseError.malformedRequestLine, "double space"),
        ("GET /\r\n\r\n", .malformedRequestLine, "HTTP/0.9 form"),
        ("GET index.html HTTP/1.1\r\n\r\n", .malformedRequestLine, "target not starting with /"),
        ("G(T / HTTP/1.1\r\n\r\n", .malformedRequestLine, "method with a delimiter"),
        ("GET / HTTP/1.1 extra\r\n\r\n", .malformedRequestLine, "trailing field"),
        ("GET / HTTQ/1.1\r\n\r\n", .malformedRequestLine, "wrong protocol name"),
        ("GET / HTTP/2.0\r\n\r\n", .unsupportedVersion, "HTTP/2 over this parser"),
        ("GET /\u{7F} HTTP/1.1\r\n\r\n", .malformedRequestLine, "control byte in target"),
    ])
    func malformedRequestLinesAreRejected(line: String, expected: HTTPParseError, why: String) {
        #expect(Self.failure(Self.parse([Array(line.utf8)])) == expected, "\(why)")
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: h\r\nBad Name: x\r\n\r\n", HTTPParseError.malformedHeader),
        ("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", .malformedHeader),
        ("GET / HTTP/1.1\r\nNoColon\r\n\r\n", .malformedHeader),
        ("GET / HTTP/1.1\r\n\r\n", .missingHost),
        ("POST / HTTP/1.1\r\nHost: h\r\n\r\n", .lengthRequired),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n", .unsupportedTransferEncoding),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n", .invalidContentLength),
    ])
    func malformedHeadersAreRejectedWithTheirStatus(text: String, expected: HTTPParseError) {
        #expect(Self.failure(Self.parse([Array(text.utf8)])) == expected)
    }

    @Test func aHeaderSectionOverTheLimitFailsBeforeItEnds() {
        let limits = HTTPRequestParser.Limits(maxHeaderBytes: 256)
        let text = "GET / HTTP/1.1\r\nHost: h\r\nX-Fill: " + String(repeating: "a", count: 300)
        let failure = Self.failure(Self.parse([Array(text.utf8)], limits: limits))
        #expect(failure == .headersTooLarge(limit: 256))
        #expect(failure?.status == 431)
    }

    @Test func tooManyHeaderFieldsAre431() {
        let limits = HTTPRequestParser.Limits(maxHeaderCount: 3)
        let text = "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"
        #expect(Self.failure(Self.parse([Array(text.utf8)], limits: limits))?.status == 431)
    }

    @Test func aRequestLineOverTheLimitFailsWithoutItsEnd() {
        let limits = HTTPRequestParser.Limits(maxRequestLineBytes: 64)
        let text = "GET /" + String(repeating: "a", count: 100)
        let failure = Self.failure(Self.parse([Array(text.utf8)], limits: limits))
        #expect(failure == .requestLineTooLong(limit: 64))
        #expect(failure?.status == 414)
    }

    @Test func aBodyOverTheLimitFailsAsSoonAsTheHeadersEnd() {
        let limits = HTTPRequestParser.Limits(maxBodyBytes: 10)
        let text = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n"
        let failure = Self.failure(Self.parse([Array(text.utf8)], limits: limits))
        #expect(failure == .bodyTooLarge(limit: 10))
        #expect(failure?.status == 413)
    }

    @Test func aBodyAtTheLimitIsAccepted() {
        let limits = HTTPRequestParser.Limits(maxBodyBytes: 10)
        let text = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789"
        #expect(Self.requests(Self.parse([Array(text.utf8)], limits: limits)).first?.body.count == 10)
    }

    @Test func anIncompleteBodyWaitsForMoreData() {
        var parser = HTTPRequestParser()
        parser.append(contentsOf: Array("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nabc".utf8))
        guard case .needMoreData = parser.next() else {
            Issue.record("expected needMoreData")
            return
        }
        #expect(parser.hasPartialRequest)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: h\r\n\r\n", true),
        ("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", false),
        ("GET / HTTP/1.0\r\n\r\n", false),
        ("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true),
    ])
    func keepAliveFollowsTheVersionAndConnectionHeader(text: String, isKeepAlive: Bool) {
        #expect(Self.requests(Self.parse([Array(text.utf8)])).first?.isKeepAlive == isKeepAlive)
    }

    @Test func emptyLinesBeforeARequestAreIgnoredAndBareLFIsAccepted() {
        let text = "\r\n\nGET /a HTTP/1.1\nHost: h\n\n"
        #expect(Self.requests(Self.parse([Array(text.utf8)])).first?.target == "/a")
    }
}
