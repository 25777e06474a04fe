import PerfGateComparison
import PerfGateReports
import Testing

struct ReportOrderTests {
    @Test("Gating failures come first, then non-gating failures, inconclusive, improved, added, removed, unchanged")
    func resultsAreOrderedByImportance() {
        func result(_ name: String, _ status: ComparisonStatus, gating: Bool = true) -> MetricComparison {
            ComparisonFixtures.result(name, "m", status: status, gating: gating, baseline: 1, candidate: 1)
        }
        let results = [
            result("unchanged", .unchanged), result("removed", .removed), result("added", .added),
            result("improved", .improved), result("inconclusive", .inconclusive),
            result("info-over", .overBudget, gating: false), result("info-regressed", .regressed, gating: false),
            result("over", .overBudget), result("regressed-1", .regressed), result("regressed-2", .regressed),
        ]
        let names = ReportOrder.sorted(results).map(\.benchmark)
        #expect(
            names == [
                "regressed-1", "regressed-2", "over", "info-regressed", "info-over", "inconclusive", "improved",
                "added", "removed", "unchanged",
            ]
        )
    }
}
