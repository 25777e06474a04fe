import PerfGateStatistics
import Testing

@testable import PerfGateResults

struct JSONSerializerTests {
    @Test func writesCompactJSONWithoutWhitespace() {
        let value: JSONValue = .object([
            ("a", .array([.integer(1), .number(2.5), .null])), ("b", .bool(true)), ("c", .object([])),
            ("d", .array([])),
        ])
        #expect(value.serialized(pretty: false) == #"{"a":[1,2.5,null],"b":true,"c":{},"d":[]}"#)
    }

    @Test func writesPrettyJSONWithTwoSpaceIndentAndNumberArraysOnOneLine() {
        let value: JSONValue = .object([
            ("samples", .array([.number(0.1), .integer(2)])),
            ("list", .array([.string("x"), .object([("k", .null)])])),
            ("empty", .object([])),
        ])
        let expected = """
            {
              "samples": [0.1, 2],
              "list": [
                "x",
                {
                  "k": null
                }
              ],
              "empty": {}
            }
            """
        #expect(value.serialized(pretty: true) == expected)
    }

    @Test(arguments: [
        (JSONValue.integer(36_175_872), "36175872"),
        (.integer(-3), "-3"),
        (.number(3.0), "3.0"),
        (.number(0.1), "0.1"),
        (.number(1e-05), "1e-05"),
        (.number(1e+16), "1e+16"),
        (.number(-0.0), "-0.0"),
        (.number(.nan), "null"),
        (.number(.infinity), "null"),
    ])
    func writesNumbersInShortestRoundTripForm(value: JSONValue, expected: String) {
        #expect(value.serialized(pretty: false) == expected)
    }

    @Test func escapesQuotesBackslashesAndControlCharactersButKeepsNonASCII() throws {
        let text = "q\"b\\n\nr\rt\tb\u{08}f\u{0C}z\u{00}e\u{1F}d\u{7F}é😀/"
        let serialized = JSONValue.string(text).serialized(pretty: false)
        #expect(serialized == #""q\"b\\n\nr\rt\tb\bf\fz\u0000e\u001Fd\u007Fé😀/""#)
        #expect(try JSONValue.parse(Array(serialized.utf8)) == .string(text))
    }

    @Test func roundTripsRandomDoublesExactly() throws {
        var generator = SplitMix64(seed: 42)
        let values = (0..<1_000).map { _ in
            let value = Double(bitPattern: generator.next())
            return JSONValue.number(value.isFinite ? value : 1.5)
        }
        let text = JSONValue.array(values).serialized(pretty: true)
        #expect(try JSONValue.parse(Array(text.utf8)) == .array(values))
    }

    @Test func roundTripsTheResultsFixtureThroughBothLayouts() throws {
        let value = try JSONValue.parse(Array(Fixtures.validResults.utf8))
        for pretty in [true, false] {
            #expect(try JSONValue.parse(Array(value.serialized(pretty: pretty).utf8)) == value)
        }
    }
}
