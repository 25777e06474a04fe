extension HTTPRequestParser {
    /// Parses `METHOD SP target SP HTTP/1.x` into the pending request; returns the error, if any.
    mutating func parseRequestLine(_ line: ArraySlice<UInt8>) -> HTTPParseError? {
        if line.count > limits.maxRequestLineBytes { return .requestLineTooLong(limit: limits.maxRequestLineBytes) }
        let parts = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenByte),
            parts[1].first == 0x2F, parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return .malformedRequestLine }
        let version = parts[2]
        guard version.count == 8, version.starts(with: "HTTP/".utf8),
            version[version.startIndex + 6] == 0x2E,
            let major = Self.digit(version[version.startIndex + 5]),
            let minor = Self.digit(version[version.startIndex + 7])
        else { return .malformedRequestLine }
        guard major == 1, minor <= 1 else { return .unsupportedVersion }
        pending = HTTPRequest(
            method: HTTPMethod(rawValue: String(decoding: parts[0], as: UTF8.self)),
            target: String(decoding: parts[1], as: UTF8.self),
            minorVersion: minor
        )
        return nil
    }

    /// Parses `name: value` into the pending request's headers; returns the error, if any.
    mutating func parseHeaderLine(_ line: ArraySlice<UInt8>) -> HTTPParseError? {
        // A line starting with whitespace is obsolete line folding (RFC 9112 §5.2): rejected.
        guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
            line[line.startIndex..<colon].allSatisfy(Self.isTokenByte)
        else { return .malformedHeader }
        let value = line[(colon + 1)...]
        guard value.allSatisfy({ $0 == 0x09 || $0 >= 0x20 && $0 != 0x7F }) else { return .malformedHeader }
        guard pending.headers.count < limits.maxHeaderCount else {
            return .headersTooLarge(limit: limits.maxHeaderBytes)
        }
        let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
        let text = String(decoding: value, as: UTF8.self).trimmingSpaces
        pending.headers.add(name: name, value: String(text))
        return nil
    }

    /// The body length the headers announce, or the error they imply.
    func bodyLength() -> Result<Int, HTTPParseError> {
        let headers = pending.headers
        if pending.minorVersion >= 1, headers["Host"] == nil { return .failure(.missingHost) }
        if headers["Transfer-Encoding"] != nil { return .failure(.unsupportedTransferEncoding) }
        let lengths = headers.values(named: "Content-Length")
            .flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingSpaces }
        guard let first = lengths.first else {
            return pending.method.requiresContentLength ? .failure(.lengthRequired) : .success(0)
        }
        guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.count <= 18,
            first.utf8.allSatisfy({ Self.digit($0) != nil }), let length = Int(first)
        else { return .failure(.invalidContentLength) }
        if length > limits.maxBodyBytes { return .failure(.bodyTooLarge(limit: limits.maxBodyBytes)) }
        return .success(length)
    }

    /// Whether `byte` may appear in a token (RFC 9110 §5.6.2 `tchar`).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    /// The value of an ASCII digit, or nil.
    static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }
}
