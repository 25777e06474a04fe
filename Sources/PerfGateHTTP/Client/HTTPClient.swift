import Glibc

/// A minimal blocking HTTP/1.1 client over one keep-alive TCP connection (`TCP_NODELAY`).
///
/// Built for the load generator: one request at a time, buffers reused, no task hops (URLSession
/// costs 230–300 µs per loopback request here; this costs a few µs). When the server closes the
/// connection (`Connection: close`, 503), the next ``send(_:)`` reconnects and counts it in
/// ``reconnectCount``. Not thread-safe: use one client per thread.
public final class HTTPClient {
    /// Where requests go.
    public let endpoint: HTTPEndpoint
    private let timeout: Duration
    private let keepsHeaders: Bool
    private var descriptor: Int32 = -1
    private var parser: HTTPResponseParser
    private var output: [UInt8] = []
    private let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    private let hostHeader: String

    /// Connections opened after the first one (each reconnect follows a server-side close).
    public private(set) var reconnectCount = 0
    /// Total nanoseconds spent inside `send(2)`/`recv(2)` calls, waiting included.
    public private(set) var socketNanoseconds: UInt64 = 0

    /// Connects to `endpoint`.
    /// - Parameters:
    ///   - endpoint: host, port (the path is not used here; requests carry their own).
    ///   - timeout: how long one send or receive may block (`SO_SNDTIMEO`/`SO_RCVTIMEO`); default 30 s.
    ///   - keepsHeaders: whether responses keep their header fields (default true).
    /// - Throws: ``HTTPClientError/connectFailed(_:)``.
    public init(
        endpoint: HTTPEndpoint,
        timeout: Duration = .seconds(30),
        keepsHeaders: Bool = true
    ) throws(HTTPClientError) {
        SystemCall.ignoreSIGPIPE()
        self.endpoint = endpoint
        self.timeout = timeout
        self.keepsHeaders = keepsHeaders
        self.parser = HTTPResponseParser(keepsHeaders: keepsHeaders)
        self.hostHeader = "\(endpoint.host):\(endpoint.port)"
        try connect()
    }

    deinit {
        close()
        readBuffer.deallocate()
    }

    /// Whether a connection is open now.
    public var isConnected: Bool { descriptor >= 0 }

    /// Closes the connection (the next request reconnects).
    public func close() {
        guard descriptor >= 0 else { return }
        SystemCall.close(descriptor)
        descriptor = -1
        parser = HTTPResponseParser(keepsHeaders: keepsHeaders)
    }

    /// Sends `request` and waits for its response; reconnects first if the connection was closed.
    /// - Returns: the response, whatever its status.
    /// - Throws: ``HTTPClientError`` for connection failures, timeouts and malformed responses (the
    ///   connection is closed then).
    public func send(_ request: HTTPClientRequest) throws(HTTPClientError) -> HTTPClientResponse {
        let isReused = descriptor >= 0  // Opened before this call: it may have gone stale.
        do {
            return try exchange(request)
        } catch {
            // A reused connection the server closed while idle (its idle timeout) fails before any
            // response byte; an idempotent request is then retried once on a new connection
            // (RFC 9110 §9.2.2), as browsers do.
            guard isReused, request.method.isIdempotent, error == .connectionClosed || error.isReset else {
                throw error
            }
            return try exchange(request)
        }
    }

    private func exchange(_ request: HTTPClientRequest) throws(HTTPClientError) -> HTTPClientResponse {
        if descriptor < 0 {
            try connect()
            reconnectCount += 1
        }
        serialize(request)
        do {
            try writeOutput()
            let response = try readResponse()
            if !response.isKeepAlive { close() }
            return response
        } catch {
            close()
            throw error
        }
    }

    private func connect() throws(HTTPClientError) {
        let connected: Int32
        do {
            connected = try Socket.connect(address: endpoint.host, port: endpoint.port)
        } catch {
            throw .connectFailed(error)
        }
        do {
            try Socket.setTimeouts(connected, timeout)
        } catch {
            SystemCall.close(connected)
            throw .connectFailed(error)
        }
        descriptor = connected
    }

    private func serialize(_ request: HTTPClientRequest) {
        output.removeAll(keepingCapacity: true)
        output.append(contentsOf: request.method.rawValue.utf8)
        output.append(0x20)
        output.append(contentsOf: request.path.utf8)
        output.append(contentsOf: " HTTP/1.1\r\nHost: ".utf8)
        output.append(contentsOf: hostHeader.utf8)
        output.append(contentsOf: "\r\n".utf8)
        for field in request.headers.fields {
            output.append(contentsOf: field.name.utf8)
            output.append(contentsOf: ": ".utf8)
            output.append(contentsOf: field.value.utf8)
            output.append(contentsOf: "\r\n".utf8)
        }
        if !request.body.isEmpty || request.method.requiresContentLength {
            output.append(contentsOf: "Content-Length: \(request.body.count)\r\n".utf8)
        }
        output.append(contentsOf: "\r\n".utf8)
        output.append(contentsOf: request.body)
    }

    private func writeOutput() throws(HTTPClientError) {
        let before = MonotonicClock.nanoseconds()
        defer { socketNanoseconds &+= MonotonicClock.nanoseconds() &- before }
        do {
            try output.withUnsafeBytes { bytes in try Socket.sendAll(descriptor, bytes) }
        } catch {
            // Array.withUnsafeBytes rethrows untyped; the body throws only SystemCallError.
            throw .ioFailed(error as? SystemCallError ?? SystemCallError(call: "send", errno: EIO))
        }
    }

    private func readResponse() throws(HTTPClientError) -> HTTPClientResponse {
        while true {
            switch parser.next() {
            case .response(let response): return response
            case .failure(let error): throw error
            case .needMoreData: break
            }
            let before = MonotonicClock.nanoseconds()
            let result: NonBlockingResult
            do {
                result = try Socket.receive(descriptor, readBuffer)
            } catch {
                socketNanoseconds &+= MonotonicClock.nanoseconds() &- before
                throw .ioFailed(error)
            }
            socketNanoseconds &+= MonotonicClock.nanoseconds() &- before
            switch result {
            case .wouldBlock:
                throw .timedOut  // SO_RCVTIMEO expired.
            case .processed(0):
                switch parser.next(isEndOfStream: true) {
                case .response(let response): return response
                case .failure(let error): throw error
                case .needMoreData: throw .connectionClosed
                }
            case .processed(let count):
                parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
            }
        }
    }
}
