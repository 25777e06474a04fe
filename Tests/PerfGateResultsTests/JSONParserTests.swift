import PerfGateStatistics
import Testing

@testable import PerfGateResults

struct JSONParserTests {
    private func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try JSONValue.parse(Array(text.utf8))
    }

    private func parseError(_ bytes: [UInt8]) -> JSONParseError? {
        do {
            _ = try JSONValue.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesEveryKindOfValueAndKeepsMemberOrderAndDuplicates() throws {
        let value = try parse(#" { "b": [1, -2.5, true, false, null], "a": "x", "b": {} } "#)
        let expected: JSONValue = .object([
            ("b", .array([.integer(1), .number(-2.5), .bool(true), .bool(false), .null])),
            ("a", .string("x")),
            ("b", .object([])),
        ])
        #expect(value == expected)
        #expect(value["b"] == .array([.integer(1), .number(-2.5), .bool(true), .bool(false), .null]))
    }

    @Test(arguments: [
        ("0", JSONValue.integer(0)),
        ("-0", .integer(0)),
        ("42", .integer(42)),
        ("-9223372036854775808", .integer(Int.min)),
        ("9223372036854775807", .integer(Int.max)),
        ("9223372036854775808", .number(9_223_372_036_854_775_808.0)),
        ("1.0", .number(1.0)),
        ("0.1", .number(0.1)),
        ("-0.0", .number(-0.0)),
        ("0.0123", .number(0.0123)),
        ("1e-05", .number(1e-05)),
        ("2.5E+3", .number(2500)),
        ("1e400000000000", .number(.infinity)),
        ("0.30000000000000004", .number(0.30000000000000004)),
        ("123456789012345678901234567890", .number(123_456_789_012_345_678_901_234_567_890.0)),
        ("2.2250738585072014e-308", .number(2.2250738585072014e-308)),
        ("1e-400", .number(0)),
    ])
    func parsesNumbersToTheCorrectlyRoundedValue(literal: String, expected: JSONValue) throws {
        if expected == .number(.infinity) {
            #expect(throws: JSONParseError.self) { try parse(literal) }
        } else {
            let value = try parse(literal)
            #expect(value == expected)
            if case .number(let number) = value, case .number(let wanted) = expected {
                #expect(number.sign == wanted.sign)
            }
        }
    }

    @Test func parsesManyDecimalLiteralsExactlyAsDoubleInitDoes() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let digits = String(generator.next() % 10_000_000_000_000_000)
            let exponent = Int(generator.next() % 40) - 30
            let literal = "\(digits.prefix(1)).\(digits.dropFirst())e\(exponent)"
            let value = try parse(literal)
            #expect(value.doubleValue == Double(literal), "\(literal)")
        }
    }

    @Test(arguments: ["01", "-", "1.", ".5", "1e", "1e+", "+1", "--1", "0x10", "1.e3", "NaN", "Infinity", "-Infinity"])
    func rejectsMalformedNumbers(literal: String) {
        #expect(throws: JSONParseError.self) { try parse(literal) }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00 é""#)
        #expect(value == .string("a\"b\\c/d\u{08}\u{0C}\n\r\té😀 é"))
    }

    @Test(arguments: [#""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\x""#, #""\u12G4""#, "\"a\u{01}b\""])
    func rejectsBadEscapesUnpairedSurrogatesAndRawControlCharacters(text: String) {
        let error = parseError(Array(text.utf8))
        #expect(error?.kind == .invalidString)
    }

    @Test(
        arguments: [
            ([0x22, 0xFF, 0x22], 1),
            ([0x22, 0x61, 0xC3, 0x28, 0x22], 2),
            ([0x22, 0xE0, 0x80, 0x80, 0x22], 1),
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),
            ([0x22, 0xC0, 0xAF, 0x22], 1),
            ([0x5B, 0xFE, 0x5D], 1),
        ] as [([UInt8], Int)]
    )
    func reportsInvalidUTF8WithTheByteOffset(bytes: [UInt8], offset: Int) throws {
        let error = try #require(parseError(bytes))
        #expect(error.kind == .invalidUTF8)
        #expect(error.byteOffset == offset)
        #expect(error.message.contains("byte offset \(offset)"))
    }

    @Test func reportsLineColumnAndPathOfTheProblem() throws {
        let error = try #require(parseError(Array("{\n  \"a\": [1,\n    2 3]\n}".utf8)))
        #expect(error.kind == .unexpectedCharacter)
        #expect(error.line == 3)
        #expect(error.column == 7)
        #expect(error.jsonPath == "$.a")
        #expect(error.description.hasPrefix("line 3, column 7"))
    }

    @Test func refusesNestingBeyondTheDepthLimitWithoutCrashing() throws {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let error = try #require(parseError(deep))
        #expect(error.kind == .nestingTooDeep)
        #expect(error.message.contains("256"))
        let objects = Array(String(repeating: #"{"a":"#, count: 10_000).utf8)
        #expect(parseError(objects)?.kind == .nestingTooDeep)
    }

    @Test func acceptsNestingUpToTheDepthLimit() throws {
        let depth = JSONValue.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        _ = try parse(text)
    }

    @Test func throwsForEveryTruncationOfAValidDocument() throws {
        let compact = try parse(Fixtures.validResults).serialized(pretty: false)
        let bytes = Array(compact.utf8)
        for length in 0..<bytes.count {
            let error = parseError(Array(bytes[0..<length]))
            #expect(error != nil, "prefix of \(length) bytes parsed")
            if let error { #expect(error.kind == .unexpectedEnd || error.kind == .emptyInput, "\(length)") }
        }
        _ = try JSONValue.parse(bytes)
    }

    @Test func survivesEveryByteOfAValidDocumentReplacedByAnAwkwardByte() {
        let bytes = Array(Fixtures.validResults.utf8)
        for offset in bytes.indices {
            for replacement: UInt8 in [0xFF, 0x22, 0x5D, 0x7B, 0x5C, 0x00] {
                var corrupted = bytes
                corrupted[offset] = replacement
                _ = parseError(corrupted)
            }
        }
    }

    @Test(arguments: ["", "  \n", "{} x", "[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "tru", "nul", "// c\n1", "'a'"])
    func rejectsInputThatIsNotExactlyOneJSONValue(text: String) {
        #expect(throws: JSONParseError.self) { try parse(text) }
    }

    @Test func skipsALeadingByteOrderMark() throws {
        #expect(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.integer(1)]))
    }

    @Test func describesUnexpectedSeparatorCharactersAsEscapes() throws {
        let error = try #require(parseError(Array("[1,\u{2028}]".utf8)))
        #expect(error.message == "expected a value, found '\\u2028'")
    }
}
