/// An incremental HTTP/1.x response parser for the client: status line, headers, and a body framed
/// by `Content-Length` or, without it, by the end of the stream. Chunked responses are rejected.
///
/// - Complexity: O(bytes) however the input is split.
struct HTTPResponseParser {
    enum Action {
        case needMoreData
        case response(HTTPClientResponse)
        case failure(HTTPClientError)
    }

    private enum State {
        case head
        case body(length: Int?)
    }

    /// Whether to keep header fields (off in the load generator: it needs status and framing only).
    let keepsHeaders: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var scan = 0
    private var state = State.head
    private var current = HTTPClientResponse(status: 0, headers: [:], body: [], isKeepAlive: true)
    private var isFirstLine = true

    init(keepsHeaders: Bool) {
        self.keepsHeaders = keepsHeaders
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// Whether no byte of a response is buffered.
    var isEmpty: Bool { start == buffer.count }

    /// Parses as far as the bytes allow; `isEndOfStream` completes a response without `Content-Length`.
    mutating func next(isEndOfStream: Bool = false) -> Action {
        while true {
            switch state {
            case .head:
                guard let newline = buffer[scan...].firstIndex(of: 0x0A) else {
                    scan = buffer.count
                    if buffer.count - start > 64 * 1024 {
                        return .failure(.malformedResponse("header section over 64 KiB"))
                    }
                    return isEndOfStream && !isEmpty ? .failure(.connectionClosed) : .needMoreData
                }
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                scan = start
                if let failure = consume(line) { return .failure(failure) }
            case .body(let length):
                if let length {
                    guard buffer.count - start >= length else {
                        return isEndOfStream ? .failure(.connectionClosed) : .needMoreData
                    }
                    return finish(bodyLength: length)
                }
                guard isEndOfStream else { return .needMoreData }
                current.isKeepAlive = false
                return finish(bodyLength: buffer.count - start)
            }
        }
    }

    private mutating func consume(_ line: ArraySlice<UInt8>) -> HTTPClientError? {
        if isFirstLine {
            // "HTTP/1.1 200 OK"
            guard line.count >= 12, line.starts(with: "HTTP/1.".utf8), line[line.startIndex + 8] == 0x20,
                let status = Int(String(decoding: line[(line.startIndex + 9)..<(line.startIndex + 12)], as: UTF8.self))
            else { return .malformedResponse("bad status line") }
            current = HTTPClientResponse(
                status: status,
                headers: [:],
                body: [],
                isKeepAlive: line[line.startIndex + 7] == 0x31
            )
            isFirstLine = false
            contentLength = nil
            return nil
        }
        if line.isEmpty { return endOfHead() }
        guard let colon = line.firstIndex(of: 0x3A) else { return .malformedResponse("header line without ':'") }
        let name = line[line.startIndex..<colon]
        let value = line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
        if Self.nameIs(name, "content-length") {
            guard let length = Int(String(decoding: value, as: UTF8.self).trimmingSpaces), length >= 0 else {
                return .malformedResponse("bad Content-Length")
            }
            contentLength = length
        } else if Self.nameIs(name, "connection") {
            let text = String(decoding: value, as: UTF8.self).lowercased()
            if text.contains("close") { current.isKeepAlive = false }
            if text.contains("keep-alive") { current.isKeepAlive = true }
        } else if Self.nameIs(name, "transfer-encoding") {
            return .malformedResponse("chunked responses are not supported")
        }
        if keepsHeaders {
            current.headers.add(
                name: String(decoding: name, as: UTF8.self),
                value: String(String(decoding: value, as: UTF8.self).trimmingSpaces)
            )
        }
        return nil
    }

    private var contentLength: Int?

    private mutating func endOfHead() -> HTTPClientError? {
        if current.status < 200 {  // 1xx interim response: skip it, a final one follows.
            isFirstLine = true
            return nil
        }
        let hasNoBody = current.status == 204 || current.status == 304
        state = .body(length: hasNoBody ? 0 : contentLength)
        return nil
    }

    private mutating func finish(bodyLength: Int) -> Action {
        current.body = Array(buffer[start..<(start + bodyLength)])
        start += bodyLength
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        scan = start
        state = .head
        isFirstLine = true
        return .response(current)
    }

    private static func nameIs(_ name: ArraySlice<UInt8>, _ lowercase: StaticString) -> Bool {
        guard name.count == lowercase.utf8CodeUnitCount else { return false }
        return lowercase.withUTF8Buffer { expected in
            zip(name, expected).allSatisfy { HTTPHeaders.asciiLowercase($0) == $1 }
        }
    }
}
