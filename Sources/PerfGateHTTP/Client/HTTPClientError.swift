/// Why a client request failed (outcomes such as a 404 or 503 are responses, not errors).
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL is not `http://HOST[:PORT][/path]` with a numeric IPv4 host; the text given.
    case invalidURL(String)
    /// Connecting failed (e.g. `ECONNREFUSED`: nothing listens on the port).
    case connectFailed(SystemCallError)
    /// Sending or receiving failed (e.g. `ECONNRESET`).
    case ioFailed(SystemCallError)
    /// No complete response arrived within the client's timeout.
    case timedOut
    /// The server closed the connection before a complete response.
    case connectionClosed
    /// The response could not be parsed; what was wrong.
    case malformedResponse(String)

    /// One line: what failed and what to check.
    public var description: String {
        switch self {
        case .invalidURL(let url):
            "invalid URL '\(url)': expected http://IPv4[:port][/path], e.g. http://127.0.0.1:8080/"
        case .connectFailed(let error): "could not connect: \(error); is the server running on that port?"
        case .ioFailed(let error): "connection failed: \(error)"
        case .timedOut: "no response within the client timeout; the server may be stalled or overloaded"
        case .connectionClosed: "the server closed the connection before a complete response"
        case .malformedResponse(let reason): "malformed HTTP response: \(reason)"
        }
    }
}

/// Where requests go: a numeric IPv4 host, a port and a base path, parsed from an `http://` URL.
public struct HTTPEndpoint: Sendable, Equatable {
    /// The numeric IPv4 host, e.g. `127.0.0.1` (`localhost` is accepted and mapped to it).
    public var host: String
    /// The TCP port (80 when the URL has none).
    public var port: UInt16
    /// The path, starting with `/` (`/` when the URL has none).
    public var path: String

    /// Creates an endpoint from parts.
    public init(host: String, port: UInt16, path: String = "/") {
        self.host = host
        self.port = port
        self.path = path
    }

    /// Parses `http://HOST[:PORT][/path]`.
    /// - Throws: ``HTTPClientError/invalidURL(_:)`` for another scheme, a missing or non-numeric
    ///   host, or a bad port.
    public init(url: String) throws(HTTPClientError) {
        guard url.hasPrefix("http://") else { throw .invalidURL(url) }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        let hostPart = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        var host = String(hostPart[0])
        if host == "localhost" { host = "127.0.0.1" }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { throw .invalidURL(url) }
        var port: UInt16 = 80
        if hostPart.count == 2 {
            guard let parsed = UInt16(hostPart[1]), parsed > 0 else { throw .invalidURL(url) }
            port = parsed
        }
        self.init(host: host, port: port, path: path.isEmpty ? "/" : String(path))
    }
}

extension HTTPClientError {
    /// Whether the connection was reset or broken by the peer (`ECONNRESET`, `EPIPE`).
    var isReset: Bool {
        if case .ioFailed(let error) = self { return error.errno == 104 || error.errno == 32 }
        return false
    }
}
