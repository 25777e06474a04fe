import PerfGateComparison
import PerfGateReports
import Testing

@testable import PerfGateReports

struct MarkdownEscapingTests {
    static let hostileIDs = [
        "a|b<script>alert(1)</script>",
        "](javascript:x)",
        "[click](javascript:alert(1))",
        "x\n## Heading\n| fake | row |",
        "`code` *bold* _em_ ~~strike~~ \\| &lt; &amp; <!-- comment -->",
        "# heading at start",
        "line\r\nbreak\u{2028}separator\u{85}next",
    ]

    @Test("Markup characters are escaped and angle brackets become entities")
    func markupCharactersAreEscaped() {
        #expect(
            MarkdownEscaping.escaped("a|b<script>alert(1)</script>", maxScalars: .max)
                == #"a\|b&lt;script&gt;alert(1)&lt;/script&gt;"#
        )
        #expect(MarkdownEscaping.escaped("](javascript:x)", maxScalars: .max) == #"\](javascript:x)"#)
        #expect(MarkdownEscaping.escaped("`*_[]#~\\&", maxScalars: .max) == ##"\`\*\_\[\]\#\~\\&amp;"##)
        #expect(MarkdownEscaping.escaped("one\ntwo\r\nthree", maxScalars: .max) == "one two  three")
    }

    @Test("Hostile ids cannot break the table or inject markup", arguments: hostileIDs)
    func hostileIdsCannotBreakTheTable(id: String) {
        let report = Self.report(id: id)
        let benign = Self.report(id: "benign")
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        // Every table row has exactly its columns: 9 unescaped pipes with a reason column, 8 without.
        let failingRows = lines.filter { $0.hasPrefix("| ❌") }
        #expect(failingRows.count == 1)
        #expect(failingRows.allSatisfy { Self.unescapedCount(of: "|", in: $0) == 9 })
        let unchangedRows = lines.filter { $0.hasPrefix("| ⚪") }
        #expect(unchangedRows.count == 1)
        #expect(unchangedRows.allSatisfy { Self.unescapedCount(of: "|", in: $0) == 8 })
        // The hostile report has no markup character the benign one lacks, and the same lines.
        for character: Character in ["|", "[", "]", "`", "*", "_", "~", "<", ">", "#"] {
            let hostileCount = Self.unescapedCount(of: character, in: Substring(report))
            #expect(hostileCount == Self.unescapedCount(of: character, in: Substring(benign)), "\(character)")
        }
        #expect(lines.count == benign.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(!report.contains("<script"))
        #expect(!report.contains("<!--"))
        #expect(!lines.contains { $0.hasPrefix("## Heading") || $0.hasPrefix("| fake") || $0.hasPrefix("# heading") })
    }

    /// A report with `id` as benchmark, metric, unit, reason and warning, in three sections.
    static func report(id: String) -> String {
        let comparison = ComparisonFixtures.comparison(
            [
                ComparisonFixtures.result(
                    id,
                    id,
                    unit: id,
                    status: .regressed,
                    baseline: 1,
                    candidate: 2,
                    reason: id
                ),
                ComparisonFixtures.result(id, "m", status: .unchanged, baseline: 1, candidate: 1),
                ComparisonFixtures.result(id, "m", status: .inconclusive, baseline: 1, candidate: 1, reason: id),
            ],
            warnings: [id]
        )
        return MarkdownReport().render(comparison)
    }

    @Test("Paths, run ids and commits are escaped too")
    func runReferencesAreEscaped() {
        var comparison = ComparisonFixtures.fourRows
        comparison.baseline = RunReference(path: "<img src=x onerror=alert(1)>", runId: "[x](y)", commit: "a|b\nc")
        let report = MarkdownReport().render(comparison)
        #expect(!report.contains("<img"))
        #expect(report.contains(#"Baseline &lt;img src=x onerror=alert(1)&gt; (run \[x\](y), commit a\|b c)"#))
    }

    /// How many times `character` occurs in `line` not escaped by a backslash (escapes are skipped whole).
    static func unescapedCount(of character: Character, in line: Substring) -> Int {
        var count = 0
        var isEscaped = false
        for current in line {
            if isEscaped {
                isEscaped = false
            } else if current == "\\" {
                isEscaped = true
            } else if current == character {
                count += 1
            }
        }
        return count
    }
}
