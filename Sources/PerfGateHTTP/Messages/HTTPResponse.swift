/// An HTTP response returned by a handler.
///
/// The server owns message framing: it writes `Content-Length` and `Connection` itself and drops
/// any `Content-Length`, `Transfer-Encoding` or `Connection` field set here.
public struct HTTPResponse: Sendable {
    /// The status code, 100–599.
    public var status: Int
    /// Header fields to send (framing fields are ignored, see the type's documentation).
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        precondition((100...599).contains(status), "HTTP status \(status) is outside 100...599")
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a JSON body (`Content-Type: application/json`); the text is sent as is.
    public static func json(status: Int = 200, _ json: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Array(json.utf8))
    }

    /// A response with a plain-text body (`Content-Type: text/plain; charset=utf-8`).
    public static func text(status: Int = 200, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// An error response with the stable JSON shape
    /// `{"error":{"status":404,"code":"not_found","message":"…"}}`.
    ///
    /// - Parameters:
    ///   - status: the status code, also written in the body.
    ///   - code: a stable snake_case identifier clients may switch on.
    ///   - message: one human-readable line; never include internals (paths, errors) for 5xx.
    public static func error(status: Int, code: String, message: String) -> HTTPResponse {
        let body =
            "{\"error\":{\"status\":\(status),\"code\":\"\(jsonEscaped(code))\",\"message\":\"\(jsonEscaped(message))\"}}"
        return .json(status: status, body)
    }

    /// The reason phrase for a status code (RFC 9110 §15), or `"Status"` for unknown codes.
    public static func reasonPhrase(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }

    /// Appends the serialized response (status line, fields, framing, body) to `buffer`.
    ///
    /// 1xx and 204 responses get neither `Content-Length` nor body, whatever ``body`` holds.
    ///
    /// - Parameters:
    ///   - buffer: the output buffer.
    ///   - keepAlive: whether to announce `Connection: keep-alive` or `Connection: close`.
    ///   - includeBody: false for responses to `HEAD`; `Content-Length` still gives the body's size.
    /// - Complexity: O(size of the response).
    func serialize(into buffer: inout [UInt8], keepAlive: Bool, includeBody: Bool = true) {
        buffer.append(contentsOf: "HTTP/1.1 \(status) \(Self.reasonPhrase(for: status))\r\n".utf8)
        for field in headers.fields where !Self.isFramingField(field.name) {
            buffer.append(contentsOf: field.name.utf8)
            buffer.append(contentsOf: ": ".utf8)
            buffer.append(contentsOf: field.value.utf8)
            buffer.append(contentsOf: "\r\n".utf8)
        }
        // RFC 9110 §8.6: no Content-Length (and no body) on 1xx and 204 responses.
        let hasBody = status >= 200 && status != 204
        if hasBody { buffer.append(contentsOf: "Content-Length: \(body.count)\r\n".utf8) }
        buffer.append(contentsOf: keepAlive ? "Connection: keep-alive\r\n\r\n".utf8 : "Connection: close\r\n\r\n".utf8)
        if includeBody, hasBody { buffer.append(contentsOf: body) }
    }

    private static func isFramingField(_ name: String) -> Bool {
        HTTPHeaders.namesEqual(name, "Content-Length") || HTTPHeaders.namesEqual(name, "Connection")
            || HTTPHeaders.namesEqual(name, "Transfer-Encoding")
    }

    /// `text` escaped for a JSON string literal (quotes, backslashes, control characters).
    static func jsonEscaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
