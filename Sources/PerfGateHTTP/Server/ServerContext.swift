import Synchronization

/// What every event loop of one server shares: settings in nanoseconds, the handler, counters, the stop flag.
final class ServerContext: Sendable {
    let configuration: HTTPServer.Configuration
    let handler: HTTPHandler
    let counters = ServerCounters()
    /// Set once by ``HTTPServer/shutdown()``; loops check it after every wake-up.
    let isStopping = Atomic<Bool>(false)
    let idleTimeoutNanoseconds: UInt64
    let requestTimeoutNanoseconds: UInt64
    let lingerNanoseconds: UInt64
    let graceNanoseconds: UInt64
    /// How often a loop checks timeouts: a quarter of the shortest timeout, within 5–250 ms.
    let sweepIntervalMilliseconds: Int32

    init(configuration: HTTPServer.Configuration, handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
        idleTimeoutNanoseconds = MonotonicClock.nanoseconds(of: configuration.idleTimeout)
        requestTimeoutNanoseconds = MonotonicClock.nanoseconds(of: configuration.requestTimeout)
        lingerNanoseconds = MonotonicClock.nanoseconds(of: configuration.lingerTimeout)
        graceNanoseconds = MonotonicClock.nanoseconds(of: configuration.shutdownGracePeriod)
        let shortest = min(idleTimeoutNanoseconds, requestTimeoutNanoseconds, lingerNanoseconds)
        sweepIntervalMilliseconds = Int32(clamping: min(max(shortest / 4 / 1_000_000, 5), 250))
    }
}
