import PerfGateAgentService
import Testing

struct FlatJSONObjectTests {
    @Test func aFlatObjectParsesIntoItsMembers() throws {
        let object = try FlatJSONObject(
            parsing: Array(
                #" { "a": 3, "b": -1.5e2, "c": "x\"\u00e9\ud83d\ude00", "d": true, "e": false, "f": null } "#.utf8
            )
        )
        #expect(object.members["a"] == .integer(3))
        #expect(object.members["b"] == .number(-150))
        #expect(object.members["c"] == .string("x\"é😀"))
        #expect(object.members["d"] == .bool(true))
        #expect(object.members["e"] == .bool(false))
        #expect(object.members["f"] == .null)
    }

    @Test func integersAtTheEdgesOfIntKeepTheirValue() throws {
        let object = try FlatJSONObject(
            parsing: Array(
                #"{"min": -9223372036854775808, "max": 9223372036854775807, "over": 9223372036854775808, "zero": -0}"#
                    .utf8
            )
        )
        #expect(object.members["min"] == .integer(Int.min))
        #expect(object.members["max"] == .integer(Int.max))
        #expect(object.members["over"] == .number(9_223_372_036_854_775_808))
        #expect(object.members["zero"] == .integer(0))
    }

    @Test func escapedAndPlainStringsDecodeAlike() throws {
        let object = try FlatJSONObject(
            parsing: Array(#"{"a": "plain", "b": "\u0070lain", "c": "tab\there", "d\n": "é"}"#.utf8)
        )
        #expect(object.members["a"] == .string("plain"))
        #expect(object.members["b"] == .string("plain"))
        #expect(object.members["c"] == .string("tab\there"))
        #expect(object.members["d\n"] == .string("é"))
    }

    @Test func anEmptyObjectHasNoMembers() throws {
        #expect(try FlatJSONObject(parsing: Array("{}".utf8)).members.isEmpty)
    }

    @Test(arguments: [
        "", "   ", "{", "}", "[]", "{\"a\":}", "{\"a\" 1}", "{a:1}", "{\"a\":1,}", "{\"a\":01}", "{\"a\":1.}",
        "{\"a\":-}", "{\"a\":1e}", "{\"a\":tru}", "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\"}", "{\"a\":1} x",
        "{\"a\":\"unterminated}", "{\"a\":{\"b\":1}}", "{\"a\":[1]}", "{\"a\":1e999}", "{\"a\":\"\u{01}\"}",
    ])
    func invalidBodiesAreRejected(text: String) {
        #expect(throws: FlatJSONError.self) { try FlatJSONObject(parsing: Array(text.utf8)) }
    }

    @Test func invalidUTF8InAStringIsRejected() {
        #expect(throws: FlatJSONError.self) {
            try FlatJSONObject(parsing: [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D])
        }
    }

    @Test func aNestedValueNamesItsKey() {
        #expect(throws: FlatJSONError.nestedValue(key: "x")) { try FlatJSONObject(parsing: Array(#"{"x": [1]}"#.utf8)) }
    }
}
