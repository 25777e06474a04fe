/// An HTTP request method, such as `GET`; any valid token is allowed, compared case-sensitively (RFC 9110 §9.1).
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method token as sent, e.g. `"POST"`.
    public let rawValue: String

    /// Wraps a method token (not validated here; the parser validates what it receives).
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The token itself.
    public var description: String { rawValue }

    /// `GET`.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `HEAD`.
    public static let head = HTTPMethod(rawValue: "HEAD")
    /// `POST`.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `PATCH`.
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `DELETE`.
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// `OPTIONS`.
    public static let options = HTTPMethod(rawValue: "OPTIONS")

    /// Whether repeating the request has the same effect as sending it once (RFC 9110 §9.2.2):
    /// GET, HEAD, PUT, DELETE, OPTIONS. The client retries only these on a stale connection.
    public var isIdempotent: Bool {
        self == .get || self == .head || self == .put || self == .delete || self == .options
    }

    /// Whether a request with this method is expected to carry a body, so that a missing
    /// `Content-Length` is answered with 411 Length Required (POST, PUT, PATCH).
    public var requiresContentLength: Bool {
        self == .post || self == .put || self == .patch
    }
}
