extension JSONParser {
    /// Exact powers of ten representable in a `Double` (10^0 … 10^22).
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses a number literal per RFC 8259's grammar.
    ///
    /// Integer literals that fit in `Int` become `.integer`. Other numbers use Clinger's fast path when the
    /// significand has at most 15 digits and the decimal exponent at most 22 in magnitude (one correctly
    /// rounded IEEE operation on exact operands); otherwise the exact literal goes to `Double(_:)`, which
    /// is correctly rounded too.
    mutating func parseNumber() throws(Failure) -> JSONValue {
        let start = index
        let isNegative = bytes[index] == UInt8(ascii: "-")
        if isNegative { index += 1 }
        var significand: UInt64 = 0
        var significantDigits = 0
        var exponent = 0

        let integerStart = index
        scanDigits(into: &significand, count: &significantDigits, exponent: &exponent, isFraction: false)
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { throw malformedNumber(start, "expected a digit") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw malformedNumber(start, "leading zeros are not allowed")
        }
        var isIntegerLiteral = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isIntegerLiteral = false
            index += 1
            let fractionStart = index
            scanDigits(into: &significand, count: &significantDigits, exponent: &exponent, isFraction: true)
            guard index > fractionStart else { throw malformedNumber(start, "expected a digit after '.'") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isIntegerLiteral = false
            exponent += try parseExponent(numberStart: start)
        }
        if isIntegerLiteral, significantDigits <= 18 {
            let magnitude = Int(significand)
            return .integer(isNegative ? -magnitude : magnitude)
        }
        if !isIntegerLiteral, significantDigits <= 15, abs(exponent) <= 22 {
            let magnitude = Double(significand)
            let power = Self.exactPowersOfTen[abs(exponent)]
            let value = exponent < 0 ? magnitude / power : magnitude * power
            return .number(isNegative ? -value : value)
        }
        return try parseNumberSlowly(from: start, isIntegerLiteral: isIntegerLiteral)
    }

    /// Consumes digits, accumulating up to 19 significant digits; leading zeros are not significant.
    @inline(__always)
    private mutating func scanDigits(
        into significand: inout UInt64,
        count significantDigits: inout Int,
        exponent: inout Int,
        isFraction: Bool
    ) {
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return }
            if significantDigits > 0 || digit != 0 {
                if significantDigits < 19 {
                    significand = significand * 10 + UInt64(digit)
                    if isFraction { exponent -= 1 }
                } else if !isFraction {
                    exponent += 1
                }
                significantDigits += 1
            } else if isFraction {
                exponent -= 1
            }
            index += 1
        }
    }

    private mutating func parseExponent(numberStart: Int) throws(Failure) -> Int {
        index += 1
        var isNegative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            isNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var value = 0
        let digitsStart = index
        while index < bytes.count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
            value = min(value * 10 + Int(digit), 100_000)
            index += 1
        }
        guard index > digitsStart else { throw malformedNumber(numberStart, "expected a digit in the exponent") }
        return isNegative ? -value : value
    }

    private func parseNumberSlowly(from start: Int, isIntegerLiteral: Bool) throws(Failure) -> JSONValue {
        let literalBytes = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if !isIntegerLiteral, let value = CLocaleNumbers.double(fromValidLiteral: literalBytes), value.isFinite {
            return .number(value)
        }
        let literal = String(decoding: literalBytes, as: UTF8.self)
        if isIntegerLiteral, let value = Int(literal) { return .integer(value) }
        guard let value = Double(literal), value.isFinite else {
            throw Failure(
                kind: .invalidNumber,
                message: "number \(literal) is out of the range of a 64-bit double",
                offset: start
            )
        }
        return .number(value)
    }

    private func malformedNumber(_ start: Int, _ problem: String) -> Failure {
        let found = index < bytes.count ? describeByte(at: index) : "the end of the input"
        let kind: JSONParseError.Kind = index < bytes.count ? .invalidNumber : .unexpectedEnd
        return Failure(kind: kind, message: "malformed number: \(problem), found \(found)", offset: index)
    }
}
