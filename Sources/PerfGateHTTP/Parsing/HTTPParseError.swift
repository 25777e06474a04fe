/// Why a request could not be parsed; each case maps to the status code the server answers with.
///
/// After any of these the server answers with the status and closes the connection.
public enum HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request line is not `METHOD SP /target SP HTTP/1.x` (400).
    case malformedRequestLine
    /// The version is well-formed but not HTTP/1.0 or HTTP/1.1 (505).
    case unsupportedVersion
    /// The request line is longer than the limit, in bytes (414).
    case requestLineTooLong(limit: Int)
    /// The header section is larger than the limit in bytes, or has too many fields (431).
    case headersTooLarge(limit: Int)
    /// A header line is not `name: value`, or uses obsolete line folding (400).
    case malformedHeader
    /// An HTTP/1.1 request has no `Host` field (400, RFC 9112 §3.2).
    case missingHost
    /// `Content-Length` is not a decimal number, or repeated with different values (400).
    case invalidContentLength
    /// A POST, PUT or PATCH has no `Content-Length` (411).
    case lengthRequired
    /// `Content-Length` exceeds the body limit in bytes (413).
    case bodyTooLarge(limit: Int)
    /// The request uses `Transfer-Encoding` (e.g. chunked), which this server does not implement (501).
    case unsupportedTransferEncoding

    /// The status code the server answers with.
    public var status: Int {
        switch self {
        case .malformedRequestLine, .malformedHeader, .missingHost, .invalidContentLength: 400
        case .unsupportedVersion: 505
        case .requestLineTooLong: 414
        case .headersTooLarge: 431
        case .lengthRequired: 411
        case .bodyTooLarge: 413
        case .unsupportedTransferEncoding: 501
        }
    }

    /// A stable snake_case code for the JSON error body.
    public var code: String {
        switch self {
        case .malformedRequestLine: "malformed_request_line"
        case .unsupportedVersion: "http_version_not_supported"
        case .requestLineTooLong: "request_line_too_long"
        case .headersTooLarge: "headers_too_large"
        case .malformedHeader: "malformed_header"
        case .missingHost: "missing_host"
        case .invalidContentLength: "invalid_content_length"
        case .lengthRequired: "length_required"
        case .bodyTooLarge: "body_too_large"
        case .unsupportedTransferEncoding: "transfer_encoding_not_supported"
        }
    }

    /// One line for the client: what was wrong and how to fix it.
    public var description: String {
        switch self {
        case .malformedRequestLine: "the request line must be 'METHOD /path HTTP/1.1'"
        case .unsupportedVersion: "only HTTP/1.0 and HTTP/1.1 are supported"
        case .requestLineTooLong(let limit): "the request line exceeds \(limit) bytes; shorten the path or query"
        case .headersTooLarge(let limit):
            "the header section exceeds \(limit) bytes or the field count limit; send fewer headers"
        case .malformedHeader: "a header line is not 'Name: value' (obsolete line folding is rejected)"
        case .missingHost: "an HTTP/1.1 request needs a Host header"
        case .invalidContentLength: "Content-Length must be one decimal number"
        case .lengthRequired: "this method needs a Content-Length header (chunked bodies are not supported)"
        case .bodyTooLarge(let limit): "the body exceeds \(limit) bytes"
        case .unsupportedTransferEncoding: "Transfer-Encoding is not supported; send a Content-Length body"
        }
    }

    /// The JSON error response for this failure.
    var response: HTTPResponse {
        .error(status: status, code: code, message: description)
    }
}
