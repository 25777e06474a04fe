/// Responses counted by status class.
public struct HTTPStatusClassCounts: Sendable, Equatable {
    /// 1xx responses (final responses only; normally 0).
    public var informational = 0
    /// 2xx responses.
    public var success = 0
    /// 3xx responses.
    public var redirection = 0
    /// 4xx responses.
    public var clientError = 0
    /// 5xx responses.
    public var serverError = 0

    /// Creates zero counts.
    public init() {}

    /// Counts one response with `status`.
    mutating func count(_ status: Int) {
        switch status {
        case ..<200: informational += 1
        case 200..<300: success += 1
        case 300..<400: redirection += 1
        case 400..<500: clientError += 1
        default: serverError += 1
        }
    }

    mutating func add(_ other: HTTPStatusClassCounts) {
        informational += other.informational
        success += other.success
        redirection += other.redirection
        clientError += other.clientError
        serverError += other.serverError
    }

    /// All responses.
    public var total: Int { informational + success + redirection + clientError + serverError }
}

/// The outcome of a load run: every latency, throughput, errors, and the generator's own cost.
public struct HTTPLoadReport: Sendable {
    /// Responses received in the measured part (any status).
    public var requests: Int
    /// Requests that got no response: connect failures, resets, timeouts, malformed responses.
    public var connectionErrors: Int
    /// Responses by status class.
    public var statusClasses: HTTPStatusClassCounts
    /// Wall time of the measured part, in seconds.
    public var elapsedSeconds: Double
    /// Every latency in seconds, up to the sample cap: connection 0's in order, then connection 1's…
    public var latencySamples: [Double]
    /// Whether some latencies were not kept as raw samples (the histogram has them all).
    public var isSampleCapReached: Bool
    /// Every latency (open loop: from the intended send time).
    public var histogram: LatencyHistogram
    /// Wall time per request the client spends outside `send`/`recv` (building the request, parsing
    /// the response, recording), in seconds: the generator's own overhead on each latency.
    public var clientOverheadSeconds: Double
    /// CPU time per request of the client threads (user and kernel, `send`/`recv` included), in seconds.
    public var clientCPUSeconds: Double
    /// Reconnections after the server closed a connection.
    public var reconnects: Int
    /// Open loop only: how late, on average, a client thread woke from sleeping until a request's
    /// intended send time, in seconds (nil for a closed loop, or when no request waited). Every
    /// open-loop latency includes this bias of the generator; on a VM it is tens of µs
    /// (release, this 2-vCPU machine: about 40 µs), so compare open-loop runs with open-loop runs.
    public var openLoopWakeLatenessSeconds: Double?

    /// Responses per second over the measured part.
    public var throughputPerSecond: Double {
        elapsedSeconds > 0 ? Double(requests) / elapsedSeconds : 0
    }

    /// The share of attempts that were not 2xx: (non-2xx responses + connection errors) / attempts; 0 when none.
    public var errorRatio: Double {
        let attempts = requests + connectionErrors
        return attempts == 0 ? 0 : Double(attempts - statusClasses.success) / Double(attempts)
    }
}
