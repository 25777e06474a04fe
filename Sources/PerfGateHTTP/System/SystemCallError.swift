import Glibc

/// A failed system call: the name of the call and the `errno` it set.
///
/// Thrown by the socket layer for failures a caller can act on (a port in use, too many open files,
/// a refused connection). `EBADF` and `EFAULT` are never thrown: they mean a bug in this module and trap.
public struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The system call that failed, e.g. `"bind"`.
    public let call: String
    /// The `errno` value the call set.
    public let errno: Int32

    /// Creates an error for `call` failing with `errno`.
    public init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    /// One line: the call, the C library's message and the number, e.g.
    /// `bind failed: Address already in use (errno 98)`.
    public var description: String {
        let message = String(cString: strerror(errno))
        return "\(call) failed: \(message) (errno \(errno))"
    }
}

/// The outcome of a non-blocking read or write: bytes moved, or "try again later".
enum NonBlockingResult: Equatable {
    /// The call moved this many bytes (0 for a read means end of stream).
    case processed(Int)
    /// The call would have blocked (`EAGAIN`/`EWOULDBLOCK`).
    case wouldBlock
}

/// The one place that runs system calls: retries `EINTR`, names the failing call, traps on bugs.
enum SystemCall {
    /// Runs `body` until it does not fail with `EINTR`.
    ///
    /// - Parameters:
    ///   - name: the call's name, used in the error.
    ///   - body: the call; a negative result means failure with `errno` set.
    /// - Returns: the call's non-negative result.
    /// - Throws: `SystemCallError` for any failure other than `EINTR`.
    @inline(__always)
    static func run<T: BinaryInteger>(_ name: String, _ body: () -> T) throws(SystemCallError) -> T {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = Glibc.errno
            if code == EINTR { continue }
            checkNotBug(name, code)
            throw SystemCallError(call: name, errno: code)
        }
    }

    /// Like ``run(_:_:)`` but maps `EAGAIN`/`EWOULDBLOCK` to ``NonBlockingResult/wouldBlock``.
    @inline(__always)
    static func runNonBlocking(_ name: String, _ body: () -> Int) throws(SystemCallError) -> NonBlockingResult {
        while true {
            let result = body()
            if result >= 0 { return .processed(result) }
            let code = Glibc.errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
            checkNotBug(name, code)
            throw SystemCallError(call: name, errno: code)
        }
    }

    /// Closes `descriptor`; `EINTR` is not retried (Linux has released the descriptor already).
    static func close(_ descriptor: Int32) {
        if Glibc.close(descriptor) != 0 {
            checkNotBug("close", Glibc.errno)
        }
    }

    /// Traps when `code` can only come from a bug (a stale descriptor or a wild pointer).
    @inline(__always)
    static func checkNotBug(_ name: String, _ code: Int32) {
        precondition(code != EBADF, "\(name): bad file descriptor (a bug in PerfGateHTTP)")
        precondition(code != EFAULT, "\(name): bad address (a bug in PerfGateHTTP)")
    }

    /// Ignores `SIGPIPE` for the process: writes use `MSG_NOSIGNAL`, this covers any other path.
    ///
    /// Called once when a server or client is created; a peer that resets a connection must yield
    /// `EPIPE`, never kill the process.
    static func ignoreSIGPIPE() {
        _ = ignoreOnce
    }

    private static let ignoreOnce: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()
}
