import Testing

@testable import PerfGateHTTP

struct HTTPResponseParserTests {
    static let text =
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: b\r\n\r\nhelloHTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"

    @Test func responsesParseTheSameWhereverTheInputIsSplit() throws {
        let bytes = Array(Self.text.utf8)
        for split in 0...bytes.count {
            var parser = HTTPResponseParser(keepsHeaders: true)
            var responses: [HTTPClientResponse] = []
            for chunk in [bytes[..<split], bytes[split...]] {
                chunk.withUnsafeBytes { parser.append($0) }
                while case .response(let response) = parser.next() { responses.append(response) }
            }
            try #require(responses.count == 2, "split at \(split)")
            #expect(responses[0].status == 200 && responses[0].bodyText == "hello" && responses[0].isKeepAlive)
            #expect(responses[0].headers["x-a"] == "b")
            #expect(responses[1].status == 204 && responses[1].body.isEmpty && !responses[1].isKeepAlive)
        }
    }

    @Test func aBodyWithoutContentLengthEndsAtTheEndOfTheStream() {
        var parser = HTTPResponseParser(keepsHeaders: false)
        Array("HTTP/1.0 200 OK\r\n\r\nall of it".utf8).withUnsafeBytes { parser.append($0) }
        guard case .needMoreData = parser.next(), case .response(let response) = parser.next(isEndOfStream: true) else {
            Issue.record("expected a close-delimited response")
            return
        }
        #expect(response.bodyText == "all of it")
        #expect(!response.isKeepAlive)
    }

    @Test func aTruncatedResponseIsConnectionClosed() {
        var parser = HTTPResponseParser(keepsHeaders: false)
        Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".utf8).withUnsafeBytes { parser.append($0) }
        guard case .failure(let error) = parser.next(isEndOfStream: true) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error == .connectionClosed)
    }
}
