import Synchronization

/// Counters a server keeps while it runs, read with ``HTTPServer/statistics``.
public struct HTTPServerStatistics: Sendable, Equatable {
    /// Connections accepted and served (not counting rejected ones).
    public var connectionsAccepted: Int
    /// Connections answered 503 because the connection limit was reached.
    public var connectionsRejected: Int
    /// Responses written for parsed requests (any status, including 404 and 500).
    public var requestsServed: Int
    /// Requests rejected by the parser (4xx/5xx from ``HTTPParseError``).
    public var parseErrors: Int
    /// Handlers that threw (each answered with a generic 500).
    public var handlerErrors: Int
    /// Connections closed by the idle or request timeout.
    public var timeouts: Int
    /// Connections open now.
    public var openConnections: Int
}

/// The atomic counters behind ``HTTPServerStatistics``, shared by the event loops.
final class ServerCounters: Sendable {
    let accepted = Atomic<Int>(0)
    let rejected = Atomic<Int>(0)
    let served = Atomic<Int>(0)
    let parseErrors = Atomic<Int>(0)
    let handlerErrors = Atomic<Int>(0)
    let timeouts = Atomic<Int>(0)
    /// Open served connections; compared against the limit on accept.
    let open = Atomic<Int>(0)

    var snapshot: HTTPServerStatistics {
        HTTPServerStatistics(
            connectionsAccepted: accepted.load(ordering: .relaxed),
            connectionsRejected: rejected.load(ordering: .relaxed),
            requestsServed: served.load(ordering: .relaxed),
            parseErrors: parseErrors.load(ordering: .relaxed),
            handlerErrors: handlerErrors.load(ordering: .relaxed),
            timeouts: timeouts.load(ordering: .relaxed),
            openConnections: open.load(ordering: .relaxed)
        )
    }

    @inline(__always)
    static func increment(_ counter: borrowing Atomic<Int>) {
        counter.wrappingAdd(1, ordering: .relaxed)
    }
}
