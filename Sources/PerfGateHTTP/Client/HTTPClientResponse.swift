/// A request as the client sends it: method, path (with query), extra headers, body.
public struct HTTPClientRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The request target, starting with `/`.
    public var path: String
    /// Extra header fields (`Host` and `Content-Length` are written by the client).
    public var headers: HTTPHeaders
    /// The body; a `Content-Length` is sent when it is non-empty or the method needs one.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: HTTPMethod = .get, path: String, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }
}

/// A response as the client received it.
public struct HTTPClientResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The header fields (empty when the client was created with `keepsHeaders: false`).
    public var headers: HTTPHeaders
    /// The body.
    public var body: [UInt8]
    /// Whether the server keeps the connection open (no `Connection: close`, HTTP/1.1).
    public var isKeepAlive: Bool

    /// The body decoded as UTF-8 (invalid bytes replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
