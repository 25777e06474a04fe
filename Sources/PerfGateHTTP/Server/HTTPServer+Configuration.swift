extension HTTPServer {
    /// Server settings; every limit has a documented default suited to a loopback JSON API.
    public struct Configuration: Sendable {
        /// Numeric IPv4 address to listen on (default `127.0.0.1`).
        public var address: String
        /// Port to listen on; 0 (default) lets the kernel choose, see ``HTTPServer/boundPort``.
        public var port: UInt16
        /// Request size limits (defaults: request line 8 KiB, headers 16 KiB / 100 fields, body 1 MiB).
        public var limits: HTTPRequestParser.Limits
        /// Most open client connections (default 1,024). A connection accepted beyond it is answered
        /// 503 with `Connection: close` and closed (up to 1,024 such rejections, or `maxConnections` if
        /// larger, may be in progress per loop; past that, new connections are closed unanswered).
        public var maxConnections: Int
        /// How long a connection may sit with no partial request before it is closed (default 10 s).
        public var idleTimeout: Duration
        /// How long a request may take to arrive from its first byte to its last, headers and body
        /// (default 10 s); past it the server answers 408 and closes. This bounds slowloris clients.
        public var requestTimeout: Duration
        /// Event-loop threads (default 1). Each owns an epoll set and runs handlers inline; see
        /// ``HTTPServer`` for why. Use 2 to spread connections over two cores.
        public var eventLoopCount: Int
        /// Where loop threads run (default ``CPUPlacement/serverDefault``: the last CPU when there are 2+,
        /// shared with the load generator's clients). With `eventLoopCount: 2`, use `.pinned([0, 1])` or
        /// `.unpinned`, or both loops share one CPU.
        public var placement: CPUPlacement
        /// `listen(2)` backlog (default 1,024).
        public var backlog: Int32
        /// How long ``HTTPServer/shutdown()`` waits for partial requests and unsent responses before
        /// closing everything (default 5 s).
        public var shutdownGracePeriod: Duration
        /// How long a connection being closed after an error keeps reading and discarding input so the
        /// client can read the response rather than a reset (default 1 s).
        public var lingerTimeout: Duration

        /// Creates a configuration with the documented defaults.
        public init(
            address: String = "127.0.0.1",
            port: UInt16 = 0,
            limits: HTTPRequestParser.Limits = .init(),
            maxConnections: Int = 1024,
            idleTimeout: Duration = .seconds(10),
            requestTimeout: Duration = .seconds(10),
            eventLoopCount: Int = 1,
            placement: CPUPlacement = .serverDefault,
            backlog: Int32 = 1024,
            shutdownGracePeriod: Duration = .seconds(5),
            lingerTimeout: Duration = .seconds(1)
        ) {
            self.address = address
            self.port = port
            self.limits = limits
            self.maxConnections = maxConnections
            self.idleTimeout = idleTimeout
            self.requestTimeout = requestTimeout
            self.eventLoopCount = eventLoopCount
            self.placement = placement
            self.backlog = backlog
            self.shutdownGracePeriod = shutdownGracePeriod
            self.lingerTimeout = lingerTimeout
        }
    }
}
