import PerfGateComparison
import PerfGateReports
import PerfGateResults
import Testing

struct TextReportTests {
    /// The escape character that starts every ANSI sequence.
    static let escape: Character = "\u{1B}"

    @Test("A four-row comparison renders exactly as pinned")
    func fourRowSnapshot() {
        let expected = #"""
            baseline:  baselines/default.json (run 20261128T220000Z-1a2b3c4, commit 1a2b3c4)
            candidate: .bench/results/candidate.json (run 20261129T012345Z-9f8e7d6)
            warning: environments differ: cpuModel

            STATUS         BENCHMARK                             METRIC           STAT  BASELINE     CANDIDATE  CHANGE  P (ADJ)
            ✗ regressed    coordination/contract-net[agents=50]  round_seconds    p95    13.1 ms  →    15.0 ms  +14.6%   0.0019
                           ↳ p95 +14.6% exceeds the +10.0% allowed (p = 0.0019 after Holm, alpha 0.01)
            ✗ over budget  api/list                              latency_seconds  p95     462 ms  →     506 ms   +9.5%    0.080
                           ↳ p95 506 ms is over the 500 ms budget
            ✓ improved     api/list                              throughput       p50    12.3k/s  →    14.0k/s  +13.4%  <0.0001
            · unchanged    agents/inference[agent=light]         bytes_per_agent  p50   34.5 MiB  →   34.5 MiB   +0.1%     0.41

            FAIL: 1 regressed, 1 over budget, 1 improved, 1 unchanged (alpha 0.01, Holm)

            """#
        #expect(TextReport(useColor: false, width: nil).render(ComparisonFixtures.fourRows) == expected)
    }

    @Test("Without colour there is no escape sequence; with colour, removing the sequences gives the same text")
    func colourOnlyAddsEscapeSequences() {
        let plain = TextReport(useColor: false).render(ComparisonFixtures.fourRows)
        let coloured = TextReport(useColor: true).render(ComparisonFixtures.fourRows)
        #expect(!plain.contains(Self.escape))
        #expect(coloured.contains("\u{1B}[1;31mFAIL\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;31m✗ regressed\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[32m✓ improved\u{1B}[0m"))
        #expect(Self.removingEscapeSequences(coloured) == plain)
    }

    @Test("A passing comparison ends with a PASS summary")
    func passingSummary() {
        let comparison = ComparisonFixtures.comparison([
            ComparisonFixtures.result("a", "m", status: .unchanged, baseline: 1, candidate: 1),
            ComparisonFixtures.result("b", "m", status: .inconclusive, baseline: 1, candidate: 1, reason: "need 8"),
            ComparisonFixtures.result("c", "m", status: .regressed, gating: false, baseline: 1, candidate: 2),
        ])
        let lines = TextReport().render(comparison).split(separator: "\n")
        #expect(lines.last == "PASS: 1 regressed (1 not gating), 1 inconclusive, 1 unchanged (alpha 0.01, Holm)")
        #expect(lines.contains { $0.hasPrefix("✗ regressed (not gating)  c ") })
        #expect(lines.contains { $0.hasSuffix("↳ need 8") })
    }

    @Test("An inconclusive reason shared by many rows is said once")
    func sharedInconclusiveReasonOnce() {
        let comparison = ComparisonFixtures.comparison([
            ComparisonFixtures.result("a", "m", status: .inconclusive, baseline: 1, candidate: 1, reason: "other boot"),
            ComparisonFixtures.result("b", "m", status: .inconclusive, baseline: 1, candidate: 1, reason: "other boot"),
            ComparisonFixtures.result("c", "m", status: .inconclusive, baseline: 1, candidate: 1, reason: "need 8"),
        ])
        let lines = TextReport().render(comparison).split(separator: "\n")
        #expect(lines.filter { $0.hasSuffix("↳ other boot") }.count == 1)
        #expect(lines.filter { $0.hasSuffix("↳ need 8") }.count == 1)
    }

    @Test("An empty comparison says there is nothing to compare")
    func emptyComparison() {
        let text = TextReport().render(ComparisonFixtures.comparison([]))
        #expect(text.contains("No results to compare.\n"))
        #expect(text.hasSuffix("PASS: nothing to compare (alpha 0.01, Holm)\n"))
    }

    @Test("A very long benchmark id is cut in the middle and every row stays aligned within the width")
    func longIdsAreCutAndRowsStayAligned() {
        let longID = "scenario/" + String(repeating: "very-long-part/", count: 20) + "end[agents=50]"
        let comparison = ComparisonFixtures.comparison([
            ComparisonFixtures.result(longID, "round_seconds", status: .unchanged, baseline: 0.01, candidate: 0.01),
            ComparisonFixtures.result("基准/短", "round_seconds", status: .improved, baseline: 0.02, candidate: 0.01),
            ComparisonFixtures.result("short", "round_seconds", status: .regressed, baseline: 0.01, candidate: 0.02),
        ])
        let width = 110
        let table = Self.tableRows(TextReport(width: width).render(comparison))
        #expect(table.count == 4)
        #expect(
            table.contains { $0.contains("scenario/very-lon") && $0.contains("…") && $0.contains("end[agents=50]") }
        )
        // The arrow column starts at the same display column on every row.
        let arrowColumns = Set(table.dropFirst().map { Self.displayColumn(of: "→", in: $0) })
        #expect(arrowColumns.count == 1)
        #expect(table.allSatisfy { Self.width($0) <= width })
    }

    @Test("Without a width, ids are capped at 80 columns")
    func idsAreCappedWithoutAWidth() throws {
        let longID = String(repeating: "a", count: 100) + String(repeating: "z", count: 100)
        let comparison = ComparisonFixtures.comparison([
            ComparisonFixtures.result(longID, "m", status: .unchanged, baseline: 1, candidate: 1)
        ])
        let row = try #require(Self.tableRows(TextReport().render(comparison)).last)
        let id = row.split(separator: " ").first { $0.contains("…") }
        #expect(id == Substring(String(repeating: "a", count: 40) + "…" + String(repeating: "z", count: 39)))
    }

    @Test("Control characters and line breaks in ids cannot move the cursor or add lines")
    func hostileTextIsMadeHarmless() {
        let hostile = "evil\u{1B}[2J\u{1B}[31m\nFAKE LINE\r\u{202E}desrever"
        let comparison = ComparisonFixtures.comparison(
            [
                ComparisonFixtures.result(
                    hostile,
                    "m\u{07}",
                    status: .regressed,
                    baseline: 1,
                    candidate: 2,
                    reason: "a\nb"
                )
            ],
            warnings: ["line one\nline two\u{1B}]0;title\u{07}"]
        )
        let text = TextReport(useColor: false).render(comparison)
        #expect(!text.contains(Self.escape))
        #expect(!text.unicodeScalars.contains("\u{202E}"))
        #expect(!text.unicodeScalars.contains("\u{07}"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("FAKE LINE") })
        // Two runs, one warning, a blank, header, row, reason, blank, summary.
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 10)
    }

    /// The header and row lines of the table (lines from `STATUS` up to the blank line), without reason lines.
    static func tableRows(_ report: String) -> [Substring] {
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("STATUS") }) else { return [] }
        return lines[start...].prefix { !$0.isEmpty }.filter { !$0.contains("↳") }
    }

    /// Display width of `line`, counting the wide characters our fixtures use as two columns.
    static func width(_ line: Substring) -> Int {
        line.reduce(0) { $0 + ($1.unicodeScalars.first!.value >= 0x2E80 ? 2 : 1) }
    }

    /// The display column at which `marker` first appears in `line`.
    static func displayColumn(of marker: Character, in line: Substring) -> Int {
        width(line[..<line.firstIndex(of: marker)!])
    }

    /// `text` without ANSI SGR sequences (ESC `[` … `m`).
    static func removingEscapeSequences(_ text: String) -> String {
        var result = ""
        var isInSequence = false
        for character in text {
            if character == escape {
                isInSequence = true
            } else if isInSequence {
                if character == "m" { isInSequence = false }
            } else {
                result.append(character)
            }
        }
        return result
    }
}

struct NoiseReportTests {
    @Test func eachMetricWithBlocksGetsItsComponentsInOneLine() {
        let metric = MetricResult(
            unit: "seconds", better: .lower, samples: [1, 1.1, 2, 2.2], sampleProcesses: [0, 0, 1, 1]
        )
        let plain = MetricResult(unit: "seconds", better: .lower, samples: [1, 2])
        let benchmark = BenchmarkResult(id: "b", name: "b", scenario: "s", parameters: [:], metrics: ["m": metric, "n": plain])
        let lines = NoiseReport.lines([benchmark])
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("b m: within a process 6.74%, between processes "))
    }
}
