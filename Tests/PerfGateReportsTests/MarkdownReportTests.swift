import PerfGateComparison
import PerfGateReports
import Testing

struct MarkdownReportTests {
    @Test("A four-row comparison renders exactly as pinned")
    func fourRowSnapshot() {
        let expected = #"""
            ## ❌ PerfGate: 1 regression, 1 over budget

            Baseline baselines/default.json (run 20261128T220000Z-1a2b3c4, commit 1a2b3c4) → candidate .bench/results/candidate.json (run 20261129T012345Z-9f8e7d6)

            1 regressed, 1 over budget, 1 improved, 1 unchanged (alpha 0.01, Holm)

            > **Warnings**
            >
            > - environments differ: cpuModel

            ### Regressions and budget breaches

            | Status | Benchmark | Metric | Statistic | Baseline → Candidate | Change | p (adj.) | Reason |
            | --- | --- | --- | --- | ---: | ---: | ---: | --- |
            | ❌ regressed | coordination/contract-net\[agents=50\] | round\_seconds | p95 | 13.1 ms → 15.0 ms | +14.6% | 0.0019 | p95 +14.6% exceeds the +10.0% allowed (p = 0.0019 after Holm, alpha 0.01) |
            | ⛔ over budget | api/list | latency\_seconds | p95 | 462 ms → 506 ms | +9.5% | 0.080 | p95 506 ms is over the 500 ms budget |

            ### Improvements

            | Status | Benchmark | Metric | Statistic | Baseline → Candidate | Change | p (adj.) |
            | --- | --- | --- | --- | ---: | ---: | ---: |
            | ✅ improved | api/list | throughput | p50 | 12.3k/s → 14.0k/s | +13.4% | &lt;0.0001 |

            <details><summary>1 unchanged</summary>

            | Status | Benchmark | Metric | Statistic | Baseline → Candidate | Change | p (adj.) |
            | --- | --- | --- | --- | ---: | ---: | ---: |
            | ⚪ unchanged | agents/inference\[agent=light\] | bytes\_per\_agent | p50 | 34.5 MiB → 34.5 MiB | +0.1% | 0.41 |

            </details>

            """#
        #expect(MarkdownReport().render(ComparisonFixtures.fourRows) == expected)
    }

    @Test("A passing comparison says so on its first line with the number compared")
    func passingTitle() {
        let comparison = ComparisonFixtures.comparison(
            (0..<43).map { ComparisonFixtures.result("b/\($0)", "m", status: .unchanged, baseline: 1, candidate: 1) }
                + [ComparisonFixtures.result("new", "m", status: .added, baseline: nil, candidate: 0.002)]
        )
        let report = MarkdownReport().render(comparison)
        #expect(report.hasPrefix("## ✅ PerfGate: no regressions (43 compared)\n"))
        #expect(report.contains("### Added\n\n- 🆕 new · m: p50 2.00 ms\n"))
    }

    @Test("Inconclusive and removed results are listed with their reason or last value")
    func inconclusiveAndRemovedAreListed() {
        let comparison = ComparisonFixtures.comparison([
            ComparisonFixtures.result(
                "few",
                "m",
                status: .inconclusive,
                baseline: 1,
                candidate: 1,
                reason: "needs 8 samples per side"
            ),
            ComparisonFixtures.result("old", "m", unit: "bytes", status: .removed, baseline: 2048, candidate: nil),
        ])
        let report = MarkdownReport().render(comparison)
        #expect(report.contains("### Inconclusive\n\n- ❔ few · m: needs 8 samples per side\n"))
        #expect(report.contains("### Removed\n\n- 🗑️ old · m: p50 2.00 KiB\n"))
    }

    @Test("Twenty thousand results fit under 65,000 characters, failures kept, and the report says what it left out")
    func twentyThousandRowsFitUnderTheCap() throws {
        var results: [MetricComparison] = []
        for index in 0..<20_000 {
            let status: ComparisonStatus = index % 400 == 0 ? .regressed : (index % 7 == 0 ? .improved : .unchanged)
            results.append(
                ComparisonFixtures.result(
                    "scenario/benchmark-\(index)[agents=\(index % 50)]",
                    "round_seconds",
                    status: status,
                    baseline: 0.01,
                    candidate: 0.011,
                    reason: status == .regressed ? "p50 +10.0% exceeds +5.0%" : ""
                )
            )
        }
        let report = MarkdownReport().render(ComparisonFixtures.comparison(results))
        #expect(report.utf8.count <= 65_000)
        #expect(report.hasPrefix("## ❌ PerfGate: 50 regressions\n"))
        let lines = report.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("| ❌ regressed |") }.count == 50)
        let unchangedShown = lines.filter { $0.hasPrefix("| ⚪ unchanged |") }.count
        let improvedShown = lines.filter { $0.hasPrefix("| ✅ improved |") }.count
        let unchangedTotal = results.filter { $0.status == .unchanged }.count
        let improvedTotal = results.filter { $0.status == .improved }.count
        // Unchanged rows go before any improved row is dropped.
        #expect(unchangedShown == 0)
        #expect(improvedShown > 0 && improvedShown < improvedTotal)
        #expect(report.contains("*… and \(Self.grouped(unchangedTotal)) unchanged results not shown.*"))
        #expect(report.contains("*… and \(Self.grouped(improvedTotal - improvedShown)) improved results not shown.*"))
    }

    @Test("When even the failures do not fit, they are cut too, and the first line stays")
    func failuresAreCutLast() {
        let results = (0..<20_000).map {
            ComparisonFixtures.result("b/\($0)", "m", status: .regressed, baseline: 1, candidate: 2, reason: "slower")
        }
        let report = MarkdownReport(maxCharacters: 10_000).render(ComparisonFixtures.comparison(results))
        #expect(report.utf8.count <= 10_000)
        #expect(report.hasPrefix("## ❌ PerfGate: 20,000 regressions\n"))
        let shown = report.split(separator: "\n").filter { $0.hasPrefix("| ❌") }.count
        #expect(shown > 10)
        #expect(report.contains("*… and \(Self.grouped(20_000 - shown)) regressions and budget breaches not shown.*"))
    }

    @Test("A cap smaller than the heading cuts the text itself", arguments: [1, 10, 45, 300])
    func tinyCapsAreHonoured(cap: Int) {
        let report = MarkdownReport(maxCharacters: cap).render(ComparisonFixtures.fourRows)
        #expect(report.utf8.count <= cap)
    }

    @Test("One enormous id is cut so the report still fits")
    func enormousIdIsCut() {
        let huge = String(repeating: "&", count: 200_000)
        let comparison = ComparisonFixtures.comparison(
            [
                ComparisonFixtures.result(
                    huge,
                    huge,
                    unit: huge,
                    status: .regressed,
                    baseline: 1,
                    candidate: 2,
                    reason: huge
                )
            ],
            warnings: [huge, huge]
        )
        let report = MarkdownReport().render(comparison)
        #expect(report.utf8.count <= 65_000)
        #expect(report.split(separator: "\n").contains { $0.hasPrefix("| ❌ regressed | &amp;&amp;") })
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
