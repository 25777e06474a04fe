import PerfGateResults
import Testing

struct GlobPatternTests {
    @Test(arguments: [
        ("coordination/*", "coordination/contract-net[agents=50]", true),
        ("coordination/*", "coordination/", true),
        ("coordination/*", "coordination", false),
        ("coordination/*", "memory/coordination/x", false),
        ("*", "", true),
        ("*", "a/b/c[x=1]", true),
        ("*/*", "a/b/c", true),
        ("*/*", "abc", false),
        ("api/get[clients=?]", "api/get[clients=8]", true),
        ("api/get[clients=?]", "api/get[clients=16]", false),
        ("api/get[clients=??]", "api/get[clients=16]", true),
        ("*[agents=50]", "coordination/contract-net[agents=50]", true),
        ("*[agents=5]", "coordination/contract-net[agents=50]", false),
        ("a.b", "aXb", false),
        ("a*b*c", "a-b-b-c", true),
        ("a*b*c", "a-c-b", false),
        ("*é?", "café!", true),
        ("", "", true),
        ("", "a", false),
        ("**", "anything", true),
        ("?", "", false),
    ])
    func matchesGlobsAsDocumented(pattern: String, text: String, expected: Bool) {
        #expect(GlobPattern(pattern).matches(text) == expected)
    }

    @Test func pathologicalPatternsFinishQuickly() {
        // With naive backtracking this is exponential in the number of stars; here it is O(n·m).
        let text = String(repeating: "a", count: 2_000)
        let pattern = String(repeating: "*a", count: 30) + "*b"
        #expect(!GlobPattern(pattern).matches(text))
        #expect(GlobPattern(String(repeating: "*a", count: 30) + "*").matches(text))
    }
}
