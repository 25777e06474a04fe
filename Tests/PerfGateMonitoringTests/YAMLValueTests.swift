import PerfGateMonitoring
import Testing

struct YAMLValueTests {
    @Test(arguments: [
        ("rules.yml", "rules.yml"), ("/v1/plan", "/v1/plan"), ("critical", "critical"),
        ("yes", "\"yes\""), ("No", "\"No\""), ("on", "\"on\""), ("null", "\"null\""), ("~", "\"~\""),
        ("50", "\"50\""), ("5m", "\"5m\""), ("", "\"\""), ("a: b", "\"a: b\""), ("#chan", "\"#chan\""),
        ("{{ $value }}", "\"{{ $value }}\""), ("say \"hi\"\\", #""say \"hi\"\\""#), ("two\nlines", #""two\nlines""#),
        ("tab\there", #""tab\there""#), ("bell\u{7}", #""bell\u0007""#), ("- item", "\"- item\""),
    ])
    func scalarsAreQuotedWheneverYAMLCouldReadThemAsSomethingElse(text: String, expected: String) {
        #expect(YAMLValue.mapping([YAMLPair("k", .string(text))]).render() == "k: \(expected)\n")
    }

    @Test func nestedCollectionsAreWrittenInBlockStyle() {
        let value = YAMLValue.mapping([
            YAMLPair("groups", .sequence([.mapping([YAMLPair("name", .string("g")), YAMLPair("rules", .sequence([.string("a"), .number(0.5)]))])])),
            YAMLPair("empty", .sequence([])),
            YAMLPair("flag", .bool(true)),
        ])
        #expect(value.render() == """
            groups:
              - name: g
                rules:
                  - a
                  - 0.5
            empty: []
            flag: true

            """)
    }
}
