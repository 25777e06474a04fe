import Glibc

/// The raw-socket floor for a loopback round trip: a minimal TCP echo server thread and a client
/// that time small messages over one connection, with the same CPU placement as the HTTP runs.
///
/// An HTTP round trip can only be slower than this; the difference is the cost of HTTP parsing,
/// routing, the handler and the event loop.
public enum EchoFloor {
    /// What to measure.
    public struct Configuration: Sendable {
        /// Timed round trips (default 10,000).
        public var roundTrips: Int
        /// Untimed round trips first (default 1,000).
        public var warmupRoundTrips: Int
        /// Bytes per message, echoed back whole (default 64).
        public var messageBytes: Int
        /// Where the echo thread runs (default ``CPUPlacement/serverDefault``).
        public var serverPlacement: CPUPlacement
        /// Where the calling thread runs while measuring (default ``CPUPlacement/clientDefault``;
        /// the calling thread stays pinned afterwards).
        public var clientPlacement: CPUPlacement

        /// Creates a configuration; see each property for its default.
        public init(
            roundTrips: Int = 10_000,
            warmupRoundTrips: Int = 1_000,
            messageBytes: Int = 64,
            serverPlacement: CPUPlacement = .serverDefault,
            clientPlacement: CPUPlacement = .clientDefault
        ) {
            self.roundTrips = roundTrips
            self.warmupRoundTrips = warmupRoundTrips
            self.messageBytes = messageBytes
            self.serverPlacement = serverPlacement
            self.clientPlacement = clientPlacement
        }
    }

    /// Measures round trips on the calling thread.
    /// - Returns: each timed round trip in seconds, in order.
    /// - Throws: `SystemCallError` from the socket calls or thread creation.
    /// - Complexity: O(roundTrips).
    public static func measure(_ configuration: Configuration = Configuration()) throws(SystemCallError) -> [Double] {
        precondition(configuration.messageBytes >= 1 && configuration.roundTrips >= 0, "invalid echo configuration")
        SystemCall.ignoreSIGPIPE()
        let (listener, port) = try Socket.makeListener(address: "127.0.0.1", port: 0, backlog: 1)
        defer { SystemCall.close(listener) }
        let client = try Socket.connect(address: "127.0.0.1", port: port)
        defer { SystemCall.close(client) }
        // The connection is already queued on the listener, so this accept does not wait.
        guard let server = try Socket.accept(listener) else { throw SystemCallError(call: "accept4", errno: EAGAIN) }
        do {
            _ = try SystemCall.run("fcntl") { fcntl(server, F_SETFL, 0) }  // Back to blocking for the echo loop.
            try Socket.setNoDelay(server)
        } catch {
            SystemCall.close(server)
            throw error
        }
        let placement = configuration.serverPlacement
        let thread: POSIXThread
        do {
            thread = try POSIXThread { echo(on: server, placement: placement) }
        } catch {
            SystemCall.close(server)
            throw error
        }
        defer {
            Socket.shutdownWrite(client)  // The echo loop sees end of stream and returns.
            thread.join()
        }
        configuration.clientPlacement.apply(threadIndex: 0)
        return try roundTrips(on: client, configuration)
    }

    private static func roundTrips(on client: Int32, _ configuration: Configuration) throws(SystemCallError) -> [Double]
    {
        let message = UnsafeMutableRawBufferPointer.allocate(byteCount: configuration.messageBytes, alignment: 16)
        message.initializeMemory(as: UInt8.self, repeating: 0x61)
        defer { message.deallocate() }
        let reply = UnsafeMutableRawBufferPointer.allocate(byteCount: configuration.messageBytes, alignment: 16)
        defer { reply.deallocate() }
        var samples: [Double] = []
        samples.reserveCapacity(configuration.roundTrips)
        for trip in 0..<(configuration.warmupRoundTrips + configuration.roundTrips) {
            let start = MonotonicClock.nanoseconds()
            try Socket.sendAll(client, UnsafeRawBufferPointer(message))
            var received = 0
            while received < configuration.messageBytes {
                let rest = UnsafeMutableRawBufferPointer(rebasing: reply[received...])
                guard case .processed(let count) = try Socket.receive(client, rest), count > 0 else {
                    throw SystemCallError(call: "recv", errno: ECONNRESET)
                }
                received += count
            }
            let end = MonotonicClock.nanoseconds()
            if trip >= configuration.warmupRoundTrips { samples.append(Double(end - start) / 1e9) }
        }
        return samples
    }

    private static func echo(on server: Int32, placement: CPUPlacement) {
        placement.apply(threadIndex: 0)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer {
            buffer.deallocate()
            SystemCall.close(server)
        }
        while true {
            guard case .processed(let count) = try? Socket.receive(server, buffer), count > 0 else { return }
            guard (try? Socket.sendAll(server, UnsafeRawBufferPointer(rebasing: buffer[0..<count]))) != nil else {
                return
            }
        }
    }
}
