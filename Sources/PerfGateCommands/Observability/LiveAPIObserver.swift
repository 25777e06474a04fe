import PerfGateAgentService
import PerfGateHTTP
import PerfGateMonitoring

/// Feeds API requests and belief updates into a ``LiveRegistry``: `api_request_duration_seconds`
/// by route template, method and status, and `belief_state_updates_total`.
struct LiveAPIObserver: APIRequestObserver {
    let registry: LiveRegistry

    func requestFinished(route: String, method: HTTPMethod, status: Int, seconds: Double) {
        registry.observe(
            "api_request_duration_seconds",
            labels: ["route": route, "method": method.rawValue, "status": String(status)],
            seconds
        )
    }

    func beliefUpdated(count: Int) {
        registry.increment("belief_state_updates_total", by: Double(count))
    }
}

/// `GET /metrics` and `GET /api/v1/monitoring/metrics`: a snapshot of a ``LiveRegistry`` as text
/// format 0.0.4, or OpenMetrics 1.0 when the `Accept` header prefers `application/openmetrics-text`.
enum MetricsEndpoint {
    /// The paths that serve metrics.
    static let paths: Set<Substring> = ["/metrics", "/api/v1/monitoring/metrics"]

    /// Wraps `handler` so the metrics paths answer from `registry` (timed like the other routes).
    static func wrap(_ handler: @escaping HTTPHandler, registry: LiveRegistry) -> HTTPHandler {
        { request in
            guard paths.contains(request.path) else { return try handler(request) }
            let start = MonotonicClock.nanoseconds()
            let response = respond(to: request, registry: registry)
            registry.observe(
                "api_request_duration_seconds",
                labels: [
                    "route": String(request.path), "method": request.method.rawValue, "status": String(response.status),
                ],
                Double(MonotonicClock.nanoseconds() &- start) / 1e9
            )
            return response
        }
    }

    /// The scrape response for `request` (405 with `Allow` for methods other than GET and HEAD).
    static func respond(to request: HTTPRequest, registry: LiveRegistry) -> HTTPResponse {
        guard request.method == .get || request.method == .head else {
            var response = HTTPResponse.error(status: 405, code: "method_not_allowed", message: "use GET")
            response.headers.add(name: "Allow", value: "GET, HEAD")
            return response
        }
        let snapshot = registry.snapshot()
        let openMetrics = prefersOpenMetrics(request.headers["Accept"])
        let body = openMetrics ? OpenMetricsRenderer.render(snapshot) : PrometheusTextRenderer.render(snapshot)
        let type = openMetrics ? OpenMetricsRenderer.contentType : PrometheusTextRenderer.contentType
        return HTTPResponse(status: 200, headers: ["Content-Type": type], body: Array(body.utf8))
    }

    /// Whether `accept` ranks `application/openmetrics-text` above zero and at least as high as
    /// `text/plain` (and `*/*`); nil or no mention: false (0.0.4 is the default).
    static func prefersOpenMetrics(_ accept: String?) -> Bool {
        guard let accept else { return false }
        var openMetrics = 0.0
        var text = 0.0
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.filter { $0 != " " && $0 != "\t" }.lowercased() }
            guard let type = parts.first else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if type == "application/openmetrics-text" { openMetrics = max(openMetrics, quality) }
            if type == "text/plain" || type == "*/*" { text = max(text, quality) }
        }
        return openMetrics > 0 && openMetrics >= text
    }
}
