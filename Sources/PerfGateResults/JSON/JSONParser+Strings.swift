extension JSONParser {
    /// Parses a string starting at its opening quote; leaves `index` after the closing quote.
    ///
    /// Plain ASCII strings without escapes (nearly every key and value in our files) are decoded straight
    /// from the buffer; anything else goes through ``parseStringSlowly(from:)``, which validates UTF-8.
    mutating func parseString() throws(Failure) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            index += 1
        }
        return try parseStringSlowly(from: start)
    }

    private mutating func parseStringSlowly(from start: Int) throws(Failure) -> String {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &utf8)
            case 0..<0x20:
                throw Failure(
                    kind: .invalidString,
                    message: "raw control character \(describeByte(at: index)) in a string; write it as an escape",
                    offset: index
                )
            case 0x80...:
                // Report where the bad sequence starts, which is where a hex editor should look.
                if UTF8Validation.errorOffset(in: bytes, at: index) != nil {
                    throw Failure(kind: .invalidUTF8, message: "invalid UTF-8 at byte offset \(index)", offset: index)
                }
                let length = UTF8Validation.sequenceLength(lead: byte)
                utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
            default:
                utf8.append(byte)
                index += 1
            }
        }
        throw endOfInput(expecting: "'\"' to close the string")
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws(Failure) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw endOfInput(expecting: "an escape after '\\'") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape(escapeStart: escapeStart)
            utf8.append(contentsOf: UTF8.encode(scalar)!)
        default:
            index -= 1
            throw Failure(
                kind: .invalidString,
                message: "invalid escape '\\\(describeByte(at: index))' in a string",
                offset: escapeStart
            )
        }
    }

    /// Parses the hex digits of `\uXXXX` (the `\u` already consumed), joining a surrogate pair.
    private mutating func parseUnicodeEscape(escapeStart: Int) throws(Failure) -> Unicode.Scalar {
        let first = try parseHex4()
        if (0xDC00...0xDFFF).contains(first) {
            throw unpairedSurrogate(first, at: escapeStart)
        }
        guard (0xD800...0xDBFF).contains(first) else {
            // Not a surrogate, so always a valid scalar.
            return Unicode.Scalar(first)!
        }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        else {
            let isCut = index >= bytes.count || (bytes[index] == UInt8(ascii: "\\") && index + 1 >= bytes.count)
            if isCut { throw endOfInput(expecting: "the low half of a surrogate pair") }
            throw unpairedSurrogate(first, at: escapeStart)
        }
        index += 2
        let second = try parseHex4()
        guard (0xDC00...0xDFFF).contains(second) else { throw unpairedSurrogate(first, at: escapeStart) }
        let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        // A valid pair always encodes a scalar in U+10000...U+10FFFF.
        return Unicode.Scalar(value)!
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw endOfInput(expecting: "4 hex digits after '\\u'") }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw Failure(
                    kind: .invalidString,
                    message: "expected 4 hex digits after '\\u', found \(describeByte(at: index))",
                    offset: index
                )
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func unpairedSurrogate(_ value: UInt32, at offset: Int) -> Failure {
        let hex = String(value, radix: 16, uppercase: true)
        return Failure(
            kind: .invalidString,
            message: "unpaired surrogate \\u\(hex) in a string; strings must be valid Unicode",
            offset: offset
        )
    }
}

/// Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
enum UTF8Validation {
    /// The length of the sequence a lead byte starts (1–4), or 1 for a byte that cannot lead.
    static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }

    /// The offset of the first bad byte of the sequence starting at `offset`, or nil if it is well-formed.
    static func errorOffset(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        let lead = bytes[offset]
        if lead < 0x80 { return nil }
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xE0: secondRange = 0xA0...0xBF
        case 0xED: secondRange = 0x80...0x9F
        case 0xF0: secondRange = 0x90...0xBF
        case 0xF4: secondRange = 0x80...0x8F
        case 0xC2...0xDF, 0xE1...0xEC, 0xEE...0xEF, 0xF1...0xF3: break
        default: return offset
        }
        let length = sequenceLength(lead: lead)
        for position in offset + 1..<offset + length {
            guard position < bytes.count else { return position }
            let range = position == offset + 1 ? secondRange : 0x80...0xBF
            if !range.contains(bytes[position]) { return position }
        }
        return nil
    }
}
