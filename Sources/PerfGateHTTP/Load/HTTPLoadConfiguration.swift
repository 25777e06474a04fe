/// What a load run sends, how fast, for how long, and where its threads run.
public struct HTTPLoadConfiguration: Sendable {
    /// How requests are paced.
    public enum Mode: Sendable, Equatable {
        /// Each connection sends its next request when the previous answer arrives, after `thinkTime`.
        /// Latency is measured from the actual send. Throughput adapts to the server (a closed system).
        case closedLoop(thinkTime: Duration = .zero)
        /// Requests are scheduled at a fixed total rate (requests per second), spread evenly over the
        /// connections, and latency is measured from each request's INTENDED send time, so a stall
        /// delays every request scheduled during it and shows in all of their latencies. This is the
        /// coordinated-omission correction of Gil Tene ("How NOT to Measure Latency", 2015; wrk2):
        /// a closed loop would wait politely during the stall and record it once.
        case openLoop(requestsPerSecond: Double)
    }

    /// Host, port and default path (`http://IPv4:port/path`).
    public var endpoint: HTTPEndpoint
    /// Concurrent connections, one thread each (default 1; up to about 100 is reasonable).
    public var connections: Int
    /// Pacing (default closed loop without think time).
    public var mode: Mode
    /// Measured run length (default 10 s); the run stops by itself at this time.
    public var duration: Duration
    /// Total requests after which the run stops (nil: only the duration bounds it).
    public var maxRequests: Int?
    /// Requests each connection sends before measuring starts (not recorded; default 0).
    public var warmupRequestsPerConnection: Int
    /// Request shapes; connection c sends shape `k % count` as its k-th request. An empty path means
    /// the endpoint's path. Default: one `GET` of the endpoint's path.
    public var requests: [HTTPClientRequest]
    /// Makes the body of each request from (connection index, request number of that connection);
    /// when set, it replaces the shape's body.
    public var makeBody: (@Sendable (_ connection: Int, _ sequence: Int) -> [UInt8])?
    /// Makes each whole request from (connection index, request number of that connection); when
    /// set, it replaces ``requests`` and ``makeBody`` (for per-connection paths, such as one agent
    /// per connection). An empty path means the endpoint's path.
    public var makeRequest: (@Sendable (_ connection: Int, _ sequence: Int) -> HTTPClientRequest)?
    /// Most raw latency samples kept over all connections (default 1,000,000); the histogram
    /// records every request regardless.
    public var maxRawSamples: Int
    /// Where client threads run (default ``CPUPlacement/clientDefault``: the server's default CPU, so
    /// a 1-connection run measures same-core round trips; use `.unpinned` for throughput with many
    /// connections, or `.pinned([1])` against a server on `.pinned([0])` for cross-core mode).
    public var placement: CPUPlacement
    /// How long one response may take before it counts as a connection error (default 10 s).
    public var timeout: Duration

    /// Creates a configuration; see each property for its default.
    public init(
        endpoint: HTTPEndpoint,
        connections: Int = 1,
        mode: Mode = .closedLoop(),
        duration: Duration = .seconds(10),
        maxRequests: Int? = nil,
        warmupRequestsPerConnection: Int = 0,
        requests: [HTTPClientRequest] = [HTTPClientRequest(path: "")],
        makeBody: (@Sendable (_ connection: Int, _ sequence: Int) -> [UInt8])? = nil,
        makeRequest: (@Sendable (_ connection: Int, _ sequence: Int) -> HTTPClientRequest)? = nil,
        maxRawSamples: Int = 1_000_000,
        placement: CPUPlacement = .clientDefault,
        timeout: Duration = .seconds(10)
    ) {
        self.endpoint = endpoint
        self.connections = connections
        self.mode = mode
        self.duration = duration
        self.maxRequests = maxRequests
        self.warmupRequestsPerConnection = warmupRequestsPerConnection
        self.requests = requests
        self.makeBody = makeBody
        self.makeRequest = makeRequest
        self.maxRawSamples = maxRawSamples
        self.placement = placement
        self.timeout = timeout
    }
}
