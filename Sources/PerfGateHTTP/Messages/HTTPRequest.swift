/// A parsed HTTP/1.x request, as handed to a handler.
public struct HTTPRequest: Sendable {
    /// The method, e.g. `GET`.
    public var method: HTTPMethod
    /// The request target as sent, e.g. `/api/v1/agents/7?verbose=1`.
    public var target: String
    /// The HTTP version's minor number: 1 for HTTP/1.1, 0 for HTTP/1.0.
    public var minorVersion: Int
    /// The header fields in order.
    public var headers: HTTPHeaders
    /// The body bytes (empty when there is none); at most the server's body limit.
    public var body: [UInt8]
    /// Values captured by the route's `{name}` segments; empty until routed.
    public var pathParameters: [String: String]

    /// Creates a request; used by the parser and by tests that call handlers directly.
    public init(
        method: HTTPMethod,
        target: String,
        minorVersion: Int = 1,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        pathParameters: [String: String] = [:]
    ) {
        self.method = method
        self.target = target
        self.minorVersion = minorVersion
        self.headers = headers
        self.body = body
        self.pathParameters = pathParameters
    }

    /// The target up to (not including) `?`.
    public var path: Substring {
        target.firstIndex(of: "?").map { target[..<$0] } ?? target[...]
    }

    /// The query after `?`, or nil when there is none.
    public var query: Substring? {
        target.firstIndex(of: "?").map { target[target.index(after: $0)...] }
    }

    /// Whether the connection stays open after this request: HTTP/1.1 unless `Connection: close`,
    /// HTTP/1.0 only with `Connection: keep-alive` (RFC 9112 §9.3).
    public var isKeepAlive: Bool {
        if headers.contains(token: "close", inFieldNamed: "Connection") { return false }
        return minorVersion >= 1 || headers.contains(token: "keep-alive", inFieldNamed: "Connection")
    }
}
