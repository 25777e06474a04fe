import Synchronization

/// A small HTTP/1.1 server on POSIX sockets and `epoll`, for loopback API benchmarks.
///
/// ```swift
/// var router = HTTPRouter()
/// router.add(.get, "/api/v1/health") { _ in .json("{\"status\":\"ok\"}") }
/// let server = try HTTPServer(configuration: .init(port: 0), handler: router.makeHandler())
/// print(server.boundPort)
/// server.shutdown()
/// ```
///
/// Design: ``Configuration/eventLoopCount`` threads (default 1), each with its own level-triggered
/// epoll set over non-blocking sockets; the shared listener is in every set (`EPOLLEXCLUSIVE` with
/// several loops), so a connection lives on the loop that accepted it. Idle keep-alive connections
/// cost a descriptor and a small object, never a thread, so thousands fit. Handlers run inline on
/// the loop thread: a request's parse, handler and write happen without a thread hop or a lock,
/// which is what a latency benchmark wants (a hand-off to a pool costs a futex wake-up, about 5–50 µs,
/// on every request). The cost is that a slow handler delays the other connections of its loop; the
/// handlers this is built for (simulated agents) take microseconds. Cores: with `eventLoopCount: 2`
/// and `.pinned([0, 1])` the server alone spreads over two cores (measured: 50 connections reach the
/// same 45,000 requests/s as one unpinned loop on this 2-vCPU machine, because the load generator
/// needs the other core). By default the single loop and the load generator share the last CPU: one
/// latency mode on purpose, see ``CPUPlacement/serverDefault`` for the measurements behind it.
///
/// Protocol: persistent connections (HTTP/1.1 by default, HTTP/1.0 with `Connection: keep-alive`),
/// pipelining, `Content-Length` bodies; errors answer with the JSON shape of
/// ``HTTPResponse/error(status:code:message:)`` and close the connection: 400, 404, 405 + `Allow`,
/// 408 (request timeout), 411, 413, 414, 431, 500 (handler threw; body generic), 501 (any
/// `Transfer-Encoding`), 503 (connection limit), 505. Not implemented: chunked request bodies,
/// `Expect: 100-continue` (clients that wait for it send the body after their own timeout),
/// the `Date` header, TLS, IPv6.
///
/// `SIGPIPE` is ignored process-wide on creation, and writes use `MSG_NOSIGNAL`.
public final class HTTPServer: Sendable {
    private enum State: ~Copyable {
        case running([POSIXThread])
        case stopped
    }

    /// The port the server listens on (the kernel's choice when the configuration said 0).
    public let boundPort: UInt16
    /// The configuration the server was started with.
    public let configuration: Configuration
    private let context: ServerContext
    private let loops: [EventLoop]
    private let listener: Int32
    private let state: Mutex<State>

    /// Binds, listens and starts the event-loop threads; the server serves when this returns.
    ///
    /// - Parameters:
    ///   - configuration: address, port, limits, timeouts, threads, CPU placement.
    ///   - handler: called for every parsed request, on a loop thread (see ``HTTPHandler``).
    /// - Throws: `SystemCallError` when the address is not numeric IPv4 (`inet_pton`), the port is
    ///   taken (`bind`), or descriptors or threads run out.
    public init(configuration: Configuration = Configuration(), handler: @escaping HTTPHandler) throws(SystemCallError)
    {
        precondition(configuration.eventLoopCount >= 1, "eventLoopCount must be at least 1")
        precondition(configuration.maxConnections >= 1, "maxConnections must be at least 1")
        SystemCall.ignoreSIGPIPE()
        self.configuration = configuration
        let (listener, port) = try Socket.makeListener(
            address: configuration.address,
            port: configuration.port,
            backlog: configuration.backlog
        )
        self.listener = listener
        self.boundPort = port
        let context = ServerContext(configuration: configuration, handler: handler)
        self.context = context
        var loops: [EventLoop] = []
        var threads: [POSIXThread] = []
        do {
            for index in 0..<configuration.eventLoopCount {
                let loop = try EventLoop(index: index, context: context, listener: listener)
                loops.append(loop)
                threads.append(try POSIXThread { loop.run() })
            }
        } catch {
            Self.stop(context: context, loops: loops, threads: threads)
            SystemCall.close(listener)
            throw error
        }
        self.loops = loops
        self.state = Mutex(.running(threads))
    }

    deinit {
        shutdown()
    }

    /// Counters since start: connections, requests, errors, timeouts.
    public var statistics: HTTPServerStatistics {
        context.counters.snapshot
    }

    /// Stops gracefully and waits: stops accepting, closes idle connections, lets partial requests
    /// finish and responses be written (each with `Connection: close`), within
    /// ``Configuration/shutdownGracePeriod``; then closes what is left and joins the threads.
    ///
    /// Idempotent; safe from any thread except a handler's (a handler calling it would wait for itself).
    public func shutdown() {
        let threads: [POSIXThread] = state.withLock { state in
            switch consume state {
            case .running(let threads):
                state = .stopped
                return threads
            case .stopped:
                state = .stopped
                return []
            }
        }
        guard !threads.isEmpty else { return }
        Self.stop(context: context, loops: loops, threads: threads)
        SystemCall.close(listener)
    }

    private static func stop(context: ServerContext, loops: [EventLoop], threads: [POSIXThread]) {
        context.isStopping.store(true, ordering: .releasing)
        for loop in loops { loop.wake() }
        for thread in threads { thread.join() }
    }
}
