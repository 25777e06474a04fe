import PerfGateHTTP

/// Sends an exposition body to a Prometheus Pushgateway (`PUT /metrics/job/JOB/run_id/RUN`).
///
/// `PUT` replaces every metric of the grouping key, which suits one results file per run. Grouping-key
/// values made only of `[A-Za-z0-9._-]` go into the path as they are; any other value is sent in the
/// Pushgateway's base64url form (`run_id@base64/…`). Uses the project's blocking HTTP/1.1 client, so the
/// URL must be `http://IPv4[:port][/prefix]` (no TLS, no host names).
public struct PushgatewayClient: Sendable {
    /// The Pushgateway's base URL as given (for messages).
    public let url: String
    private let endpoint: HTTPEndpoint

    /// Creates a client for `url`.
    /// - Throws: ``MonitoringError`` when `url` is not `http://IPv4[:port][/path]`.
    public init(url: String) throws(MonitoringError) {
        self.url = url
        do {
            endpoint = try HTTPEndpoint(url: url)
        } catch {
            throw MonitoringError("--push \(url): \(error)")
        }
    }

    /// The request path for a grouping key, below the URL's own path.
    /// - Parameter groupingKey: `(label, value)` pairs, `job` first.
    public func path(groupingKey: [(name: String, value: String)]) -> String {
        var prefix = endpoint.path
        while prefix.hasSuffix("/") { prefix.removeLast() }
        var path = prefix + "/metrics"
        for (name, value) in groupingKey {
            if !value.isEmpty, value.utf8.allSatisfy(Self.isPlain) {
                path += "/\(name)/\(value)"
            } else {
                path += "/\(name)@base64/\(Base64URL.encode(Array(value.utf8)))"
            }
        }
        return path
    }

    /// Pushes `body` with `PUT`, replacing the group's metrics.
    /// - Parameters:
    ///   - body: text format 0.0.4 (the Pushgateway refuses timestamps and duplicate series).
    ///   - contentType: the body's Content-Type.
    ///   - groupingKey: `(label, value)` pairs, `job` first.
    /// - Throws: ``MonitoringError`` with the gateway's status and first line of its answer when it
    ///   refuses the push, or why it could not be reached.
    public func push(body: String, contentType: String, groupingKey: [(name: String, value: String)]) throws(MonitoringError) {
        let path = path(groupingKey: groupingKey)
        let response: HTTPClientResponse
        do {
            let client = try HTTPClient(endpoint: endpoint, timeout: .seconds(10))
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: contentType)
            headers.add(name: "Connection", value: "close")
            response = try client.send(HTTPClientRequest(method: .put, path: path, headers: headers, body: Array(body.utf8)))
        } catch {
            throw MonitoringError("push to \(url): \(error)")
        }
        guard (200..<300).contains(response.status) else {
            let answer = response.bodyText.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            throw MonitoringError(
                "push to \(url)\(path): the Pushgateway answered \(response.status): \(answer.prefix(300)); check the body with `promtool check metrics`"
            )
        }
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }
}
