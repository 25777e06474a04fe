public import PerfGateHTTP

/// Receives what the API did, for live metrics: each request's route template, method, status and
/// duration, and each belief update. Called on the event-loop thread that served the request, so an
/// implementation must be thread-safe and cheap (a lock and a few additions).
///
/// `route` is always a template (`/api/v1/agents/{id}/step`) or `unmatched`, never a raw path, so the
/// label values it feeds stay a small fixed set.
public protocol APIRequestObserver: Sendable {
    /// A request finished: its route template, method, response status and duration in seconds.
    func requestFinished(route: String, method: HTTPMethod, status: Int, seconds: Double)
    /// An agent performed `count` Bayesian belief updates.
    func beliefUpdated(count: Int)
}
