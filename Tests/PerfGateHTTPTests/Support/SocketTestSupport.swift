import Glibc
import Synchronization
import Testing

@testable import PerfGateHTTP

/// Socket tests run one at a time (a process-wide lock), so that counting open descriptors before
/// and after one test is not disturbed by another test's sockets.
enum SocketTest {
    private static let lock = Mutex(())

    /// Runs `body` alone among socket tests and expects as many open descriptors after as before.
    static func run(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try lock.withLock { _ in
            let before = openDescriptorCount()
            try body()
            // Tests of other modules open and close sockets at the same time; their sockets are
            // transient, a leak is not. Wait (up to 30 s) for the count to come back down.
            var after = openDescriptorCount()
            for _ in 0..<300 where after > before {
                usleep(100_000)
                after = openDescriptorCount()
            }
            #expect(
                after <= before,
                "descriptor leak: \(before) open before, \(after) after",
                sourceLocation: sourceLocation
            )
        }
    }

    /// The number of open socket descriptors of the process (entries of /proc/self/fd that link to
    /// `socket:[…]`).
    ///
    /// Only sockets are counted: tests of other modules run in the same process at the same time and
    /// open files and pipes (worker processes, results files), which would make a count of every
    /// descriptor flaky. Socket tests hold ``lock``, so their sockets are the only ones that come and go.
    static func openDescriptorCount() -> Int {
        guard let directory = opendir("/proc/self/fd") else { return -1 }
        defer { closedir(directory) }
        var count = 0
        var target = [CChar](repeating: 0, count: 64)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let length = readlink("/proc/self/fd/\(name)", &target, target.count - 1)
            guard length > 0 else { continue }
            if String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self).hasPrefix("socket:") {
                count += 1
            }
        }
        return count
    }

    /// A server configuration for tests: unpinned, short timeouts so timeouts are exercised quickly.
    static func configuration(
        maxConnections: Int = 64,
        idleTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(10),
        limits: HTTPRequestParser.Limits = .init(maxRequestLineBytes: 1024, maxHeaderBytes: 2048, maxBodyBytes: 4096),
        eventLoopCount: Int = 1
    ) -> HTTPServer.Configuration {
        HTTPServer.Configuration(
            limits: limits,
            maxConnections: maxConnections,
            idleTimeout: idleTimeout,
            requestTimeout: requestTimeout,
            eventLoopCount: eventLoopCount,
            placement: .unpinned,
            shutdownGracePeriod: .seconds(5),
            lingerTimeout: .milliseconds(500)
        )
    }

    /// Whether an executable named `name` is on PATH.
    static func isOnPath(_ name: String) -> Bool {
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return false }
        return path.split(separator: ":").contains { access("\($0)/\(name)", X_OK) == 0 }
    }
}

/// A raw client socket for sending arbitrary (also malformed) bytes.
final class RawConnection {
    let descriptor: Int32
    private var parser = HTTPResponseParser(keepsHeaders: true)

    /// Connects to 127.0.0.1:`port` with a receive timeout (a liveness bound, not a timed assertion).
    init(port: UInt16, receiveTimeout: Duration = .seconds(10)) throws {
        descriptor = try Socket.connect(address: "127.0.0.1", port: port)
        let seconds = receiveTimeout.components.seconds
        var value = timeval(
            tv_sec: Int(seconds),
            tv_usec: Int(receiveTimeout.components.attoseconds / 1_000_000_000_000)
        )
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        SystemCall.close(descriptor)
    }

    /// Sends all bytes; false when the server already closed the connection.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { (try? Socket.sendAll(descriptor, $0)) != nil }
    }

    /// Sends UTF-8 text.
    @discardableResult
    func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    /// Reads until the server closes (end of stream or reset) or the receive timeout expires.
    /// - Returns: the bytes received and whether the connection was closed by the server.
    func readUntilClosed() -> (text: String, isClosed: Bool) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                bytes.append(contentsOf: buffer[0..<count])
                continue
            }
            if count < 0, errno == EINTR { continue }
            let isClosed = count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
            return (String(decoding: bytes, as: UTF8.self), isClosed)
        }
    }

    /// Reads one complete response (Content-Length framed), or nil on close or timeout.
    func readResponse() -> HTTPClientResponse? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            switch parser.next() {
            case .response(let response): return response
            case .failure: return nil
            case .needMoreData: break
            }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer.withUnsafeBytes { parser.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }
}

/// A one-shot gate: `wait()` blocks until `open()` (for holding a handler in flight).
final class Gate: Sendable {
    private let state = Mutex(false)

    func open() {
        state.withLock { $0 = true }
    }

    /// Waits until opened, polling every 200 µs, at most `limit` (then returns false).
    @discardableResult
    func wait(limit: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if state.withLock({ $0 }) { return true }
            usleep(200)
        }
        return false
    }
}
