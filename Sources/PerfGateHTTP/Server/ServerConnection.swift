/// One client connection's state, owned by a single event loop (never shared between threads).
final class ServerConnection {
    /// Where the connection is in its life.
    enum Phase: Equatable {
        /// Serving requests.
        case open
        /// The last response is queued; close (after lingering) once it is written.
        case closeAfterFlush
        /// Write side shut; reading and discarding until end of stream or the deadline (ns).
        case lingering(deadline: UInt64)
    }

    /// The socket.
    let descriptor: Int32
    /// Whether it counts against the connection limit (false for connections being rejected).
    let isCounted: Bool
    /// The request parser (holds the partial request).
    var parser: HTTPRequestParser
    /// Bytes to write; `outputOffset` of them are already written.
    var output: [UInt8] = []
    /// How many bytes of `output` are written.
    var outputOffset = 0
    /// The lifecycle phase.
    var phase = Phase.open
    /// Last time (ns) bytes moved in either direction or the connection was accepted.
    var lastActivity: UInt64
    /// When (ns) the first byte of the current partial request arrived, or nil when none is partial.
    var requestStart: UInt64?
    /// The epoll events registered now.
    var interest: UInt32

    init(descriptor: Int32, isCounted: Bool, limits: HTTPRequestParser.Limits, now: UInt64, interest: UInt32) {
        self.descriptor = descriptor
        self.isCounted = isCounted
        self.parser = HTTPRequestParser(limits: limits)
        self.lastActivity = now
        self.interest = interest
    }

    /// Whether bytes are queued but not yet written.
    var hasPendingOutput: Bool { outputOffset < output.count }

    /// Whether the connection holds no partial request and no unsent bytes (safe to close at shutdown).
    var isIdle: Bool { phase == .open && !hasPendingOutput && requestStart == nil }
}
