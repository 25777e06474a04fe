import Glibc
import PerfGateHTTP
import Testing

/// Malformed and hostile input from raw sockets: the server answers with the right status or closes,
/// never crashes, leaks no descriptor (checked by ``ServiceFixture``), and keeps serving a
/// well-behaved keep-alive client meanwhile.
struct MalformedInputTests {
    static let inputs: [(String, String)] = [
        ("POST /api/v1/agents/1/step HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{bad}", "HTTP/1.1 400"),
        ("POST /api/v1/agents/1/step HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n\u{FF}\u{FE}{}", "HTTP/1.1 400"),
        (
            "POST /api/v1/agents/1/step HTTP/1.1\r\nHost: x\r\nContent-Length: 22\r\n\r\n{\"observation\":1e400}",
            "HTTP/1.1 400"
        ),
        (
            "POST /api/v1/agents/1/step HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n{\"observation\":\"\\u",
            "HTTP/1.1 400"
        ),
        ("GET /api/v1/agents/%00 HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404"),
        ("GET /api/v1/agents/1/step/extra HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404"),
        ("DELETE /api/v1/agents/18446744073709551616 HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404"),
        ("POST /api/v1/agents HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n{\"s", "HTTP/1.1 400"),
        ("\u{01}\u{02}garbage\r\n\r\n", "HTTP/1.1 400"),
        (
            "POST /api/v1/agents/1/step HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{bad}\r\n0\r\n\r\n",
            "HTTP/1.1 501"
        ),
    ]

    @Test func malformedRequestsAreAnsweredWhileAGoodClientKeepsBeingServed() throws {
        try ServiceFixture.run { fixture in
            try fixture.service.registry.create()
            let good = try fixture.makeClient()
            for (input, expected) in Self.inputs {
                let raw = try RawSocket(port: fixture.port)
                raw.send(input + "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                let answer = raw.readUntilClosed()
                #expect(
                    answer.hasPrefix(expected),
                    "\(input.debugDescription) got \(answer.prefix(60).debugDescription)"
                )
                let step = try good.send(.post, "/api/v1/agents/1/step", #"{"observation": 1}"#)
                #expect(step.status == 200)
            }
            #expect(good.reconnectCount == 0, "the good client's keep-alive connection survived")
        }
    }

    @Test func aClientThatHangsUpMidBodyDoesNotDisturbTheOthers() throws {
        try ServiceFixture.run { fixture in
            try fixture.service.registry.create()
            let good = try fixture.makeClient()
            for cut in [1, 10, 30, 55] {
                let raw = try RawSocket(port: fixture.port)
                let request =
                    "POST /api/v1/agents/1/step HTTP/1.1\r\nHost: x\r\nContent-Length: 18\r\n\r\n{\"observation\": 1}"
                raw.send(String(request.prefix(cut)))
                raw.close()
                #expect(try good.send(.get, "/api/v1/agents/1").status == 200)
            }
            #expect(fixture.server.statistics.handlerErrors == 0)
        }
    }
}

/// A blocking TCP client socket for raw bytes.
final class RawSocket {
    private var descriptor: Int32

    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(call: "socket", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close()
            throw Failure(call: "connect", code: code)
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close()
    }

    func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    /// Everything received until the server closes (or the 10 s receive timeout).
    func readUntilClosed() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    struct Failure: Error {
        var call: String
        var code: Int32
    }
}
