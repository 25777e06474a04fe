import PerfGateResults
import Testing

struct JSONValueTests {
    @Test func literalsBuildTheMatchingCases() {
        let value: JSONValue = ["b": [1, 2.5, "x", true, nil], "a": [:]]
        let expected: JSONValue = .object([
            ("b", .array([.integer(1), .number(2.5), .string("x"), .bool(true), .null])),
            ("a", .object([])),
        ])
        #expect(value == expected)
        #expect(value.serialized(pretty: false) == #"{"b":[1,2.5,"x",true,null],"a":{}}"#)
    }

    @Test func subscriptReturnsTheFirstMemberWithTheKey() {
        let value: JSONValue = .object([("k", 1), ("k", 2)])
        #expect(value["k"] == 1)
        #expect(value["missing"] == nil)
        #expect(JSONValue.array([1])["k"] == nil)
    }

    @Test func doubleValueCoversBothNumberCases() {
        #expect(JSONValue.integer(3).doubleValue == 3)
        #expect(JSONValue.number(0.5).doubleValue == 0.5)
        #expect(JSONValue.string("3").doubleValue == nil)
    }

    @Test func equalityAndHashingTellIntegersFromNumbersAndRespectMemberOrder() {
        #expect(JSONValue.integer(1) != JSONValue.number(1))
        #expect(JSONValue.object([("a", 1), ("b", 2)]) != JSONValue.object([("b", 2), ("a", 1)]))
        let set: Set<JSONValue> = [.object([("a", 1)]), .object([("a", 1)]), .integer(1), .number(1)]
        #expect(set.count == 3)
    }
}
