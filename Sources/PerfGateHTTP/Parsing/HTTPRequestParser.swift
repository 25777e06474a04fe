/// An incremental HTTP/1.x request parser: a plain state machine fed bytes in any split.
///
/// Feed bytes with ``append(_:)`` as they arrive, then call ``next()`` until it returns
/// ``Action/needMoreData``. Pipelined requests come out one per call. After a failure the parser
/// stays failed (the server answers and closes the connection).
///
/// Accepted: origin-form targets (`/path?query`), HTTP/1.0 and 1.1, `LF` or `CRLF` line ends, empty
/// lines before a request line (RFC 9112 §2.2), `Content-Length` bodies. Rejected with a status:
/// see ``HTTPParseError``. Chunked request bodies are not implemented: any `Transfer-Encoding` is
/// answered 501, and a POST/PUT/PATCH without `Content-Length` 411.
///
/// - Complexity: O(bytes) overall: every byte is scanned once however the input is split.
public struct HTTPRequestParser: Sendable {
    /// Size limits, in bytes (and fields); each is checked as soon as it is exceeded, before the end arrives.
    public struct Limits: Sendable, Equatable {
        /// Longest request line, excluding its line end (default 8 KiB); over it: 414.
        public var maxRequestLineBytes: Int
        /// Largest header section, from the first field to the blank line (default 16 KiB); over it: 431.
        public var maxHeaderBytes: Int
        /// Most header fields (default 100); over it: 431.
        public var maxHeaderCount: Int
        /// Largest body (default 1 MiB); a larger `Content-Length`: 413.
        public var maxBodyBytes: Int

        /// Creates limits; the defaults suit a JSON API.
        public init(
            maxRequestLineBytes: Int = 8 * 1024,
            maxHeaderBytes: Int = 16 * 1024,
            maxHeaderCount: Int = 100,
            maxBodyBytes: Int = 1024 * 1024
        ) {
            self.maxRequestLineBytes = maxRequestLineBytes
            self.maxHeaderBytes = maxHeaderBytes
            self.maxHeaderCount = maxHeaderCount
            self.maxBodyBytes = maxBodyBytes
        }
    }

    /// What the parser produced.
    public enum Action: Sendable {
        /// No complete request is buffered yet.
        case needMoreData
        /// One complete request.
        case request(HTTPRequest)
        /// The input is not a valid request (the parser stays in this state).
        case failure(HTTPParseError)
    }

    private enum State: Sendable {
        case requestLine
        case headers
        case body(length: Int)
        case failed(HTTPParseError)
    }

    /// The limits this parser enforces.
    public let limits: Limits
    private var buffer: [UInt8] = []
    private var start = 0
    private var scan = 0
    private var headerStart = 0
    private var state = State.requestLine
    var pending = HTTPRequest(method: .get, target: "/")

    /// Creates a parser enforcing `limits`.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Appends received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends received bytes.
    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Whether part of a request has been received but not yet returned (for timeouts: a connection
    /// with a partial request is subject to the request timeout, an empty one to the idle timeout).
    public var hasPartialRequest: Bool {
        if case .requestLine = state { return buffer[start...].contains { $0 != 0x0D && $0 != 0x0A } }
        return true
    }

    /// Parses as far as the buffered bytes allow.
    /// - Returns: the next request, a failure, or ``Action/needMoreData``.
    /// - Complexity: amortized O(newly appended bytes + size of the returned request).
    public mutating func next() -> Action {
        while true {
            let action: Action?
            switch state {
            case .failed(let error): action = .failure(error)
            case .requestLine: action = advanceRequestLine()
            case .headers: action = advanceHeaders()
            case .body(let length): action = advanceBody(length: length)
            }
            if let action { return action }
        }
    }

    /// Consumes the request line if complete; nil means "continue parsing".
    private mutating func advanceRequestLine() -> Action? {
        guard let line = nextLine() else {
            return pendingOrFail(
                over: buffer.count - start > limits.maxRequestLineBytes + 1,
                .requestLineTooLong(limit: limits.maxRequestLineBytes)
            )
        }
        if line.isEmpty { return nil }  // An empty line before the request line is ignored.
        if let error = parseRequestLine(line) { return fail(error) }
        headerStart = start
        state = .headers
        return nil
    }

    /// Consumes one header line if complete; the blank line ends the section.
    private mutating func advanceHeaders() -> Action? {
        guard let line = nextLine() else {
            return pendingOrFail(
                over: buffer.count - headerStart > limits.maxHeaderBytes,
                .headersTooLarge(limit: limits.maxHeaderBytes)
            )
        }
        if start - headerStart > limits.maxHeaderBytes { return fail(.headersTooLarge(limit: limits.maxHeaderBytes)) }
        if !line.isEmpty { return parseHeaderLine(line).map { fail($0) } }
        switch bodyLength() {
        case .failure(let error): return fail(error)
        case .success(let length): state = .body(length: length)
        }
        return nil
    }

    /// Returns the request once its whole body is buffered.
    private mutating func advanceBody(length: Int) -> Action? {
        guard buffer.count - start >= length else { return .needMoreData }
        pending.body = Array(buffer[start..<(start + length)])
        start += length
        scan = start
        state = .requestLine
        compact()
        return .request(pending)
    }

    private mutating func fail(_ error: HTTPParseError) -> Action {
        state = .failed(error)
        return .failure(error)
    }

    private mutating func pendingOrFail(over isOverLimit: Bool, _ error: HTTPParseError) -> Action {
        isOverLimit ? fail(error) : .needMoreData
    }

    /// The next line (without `CRLF`/`LF`) starting at `start`, consuming it; nil when incomplete.
    private mutating func nextLine() -> ArraySlice<UInt8>? {
        guard let newline = buffer[scan...].firstIndex(of: 0x0A) else {
            scan = buffer.count
            return nil
        }
        var end = newline
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        let line = buffer[start..<end]
        start = newline + 1
        scan = start
        return line
    }

    /// Drops consumed bytes once the buffer is drained or the consumed prefix is large.
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
        } else if start >= 16 * 1024 {
            buffer.removeSubrange(0..<start)
        } else {
            return
        }
        scan -= start
        start = 0
    }
}
