import Glibc

/// One server thread: an epoll set over the shared listener and the connections it accepted.
///
/// Handlers run inline on this thread (see ``HTTPServer`` for why). All state except the epoll's
/// wake-up is touched only by the loop's own thread.
final class EventLoop {
    static let listenerToken = UInt64.max - 1
    static let readEvents = LinuxFunctions.epollIn | LinuxFunctions.epollReadHangUp
    static let writeEvents = LinuxFunctions.epollOut
    static let readBufferSize = 64 * 1024
    static let maxQueuedOutput = 64 * 1024

    let index: Int
    let context: ServerContext
    let epoll: Epoll
    let listener: Int32
    var connections: [Int32: ServerConnection] = [:]
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readBufferSize, alignment: 16)
    var rejectingCount = 0
    var isStopping = false
    var graceDeadline: UInt64 = 0
    var acceptPausedUntil: UInt64?
    var nextSweep: UInt64 = 0
    var now: UInt64 = MonotonicClock.nanoseconds()

    init(index: Int, context: ServerContext, listener: Int32) throws(SystemCallError) {
        self.index = index
        self.context = context
        self.listener = listener
        epoll = try Epoll()
        // EPOLLEXCLUSIVE: with several loops, one accept wake-up per connection instead of all loops.
        let exclusive: UInt32 = context.configuration.eventLoopCount > 1 ? 1 << 28 : 0
        try epoll.add(listener, token: Self.listenerToken, events: LinuxFunctions.epollIn | exclusive)
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Runs until shutdown has drained this loop's connections (or the grace period ends).
    func run() {
        context.configuration.placement.apply(threadIndex: index)
        while true {
            let timeout = isStopping ? min(10, context.sweepIntervalMilliseconds) : context.sweepIntervalMilliseconds
            do {
                try epoll.wait(timeoutMilliseconds: timeout) { token, events in
                    now = MonotonicClock.nanoseconds()
                    handle(token: token, events: events)
                }
            } catch {
                // epoll_wait fails only on a broken epoll descriptor or bad arguments; stop serving.
                break
            }
            now = MonotonicClock.nanoseconds()
            if !isStopping, context.isStopping.load(ordering: .acquiring) { beginStopping() }
            if now >= nextSweep { sweep() }
            if isStopping, connections.isEmpty || now >= graceDeadline { break }
        }
        for connection in Array(connections.values) { close(connection) }
        epoll.close()
    }

    /// Wakes the loop so it notices a shutdown request.
    func wake() {
        epoll.wake()
    }

    private func handle(token: UInt64, events: UInt32) {
        if token == Self.listenerToken {
            acceptConnections()
            return
        }
        guard token != Epoll.wakeToken, let connection = connections[Int32(truncatingIfNeeded: token)] else { return }
        if events & LinuxFunctions.epollError != 0 {
            close(connection)
            return
        }
        if events & LinuxFunctions.epollOut != 0 {
            writable(connection)
        }
        let readable = LinuxFunctions.epollIn | LinuxFunctions.epollHangUp | LinuxFunctions.epollReadHangUp
        if events & readable != 0, connections[connection.descriptor] === connection {
            self.readable(connection)
        }
    }

    private func beginStopping() {
        isStopping = true
        epoll.remove(listener)
        graceDeadline = now &+ context.graceNanoseconds
        closeIdleConnections()
    }

    func closeIdleConnections() {
        for connection in Array(connections.values) where connection.isIdle && !connection.parser.hasPartialRequest {
            close(connection)
        }
    }

    /// Checks every connection's deadlines; O(connections), run every sweep interval.
    private func sweep() {
        nextSweep = now &+ UInt64(context.sweepIntervalMilliseconds) * 1_000_000
        if let paused = acceptPausedUntil, now >= paused, !isStopping {
            acceptPausedUntil = nil
            try? epoll.modify(listener, token: Self.listenerToken, events: LinuxFunctions.epollIn)
        }
        if isStopping { closeIdleConnections() }
        for connection in Array(connections.values) {
            checkDeadlines(connection)
        }
    }

    private func checkDeadlines(_ connection: ServerConnection) {
        let idleFor = now &- connection.lastActivity
        switch connection.phase {
        case .lingering(let deadline):
            if now >= deadline { close(connection) }
        case .closeAfterFlush:
            if idleFor > context.idleTimeoutNanoseconds { close(connection) }
        case .open:
            if let start = connection.requestStart, now &- start > context.requestTimeoutNanoseconds {
                ServerCounters.increment(context.counters.timeouts)
                let response = HTTPResponse.error(
                    status: 408,
                    code: "request_timeout",
                    message: "the request did not arrive in time"
                )
                queue(response, on: connection, keepAlive: false)
                flush(connection)
            } else if idleFor > context.idleTimeoutNanoseconds {
                ServerCounters.increment(context.counters.timeouts)
                close(connection)
            }
        }
    }
}

// Created on the starting thread, then used only by its own loop thread; the one call from other
// threads, `wake()`, goes through `Epoll.wake()`, which is thread-safe.
extension EventLoop: @unchecked Sendable {}
