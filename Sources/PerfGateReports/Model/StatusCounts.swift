import PerfGateResults
import PerfGateComparison

/// How many results have each status, and how many of the failing ones are not gating.
struct StatusCounts {
    private var all: [ComparisonStatus: Int] = [:]
    private var nonGating: [ComparisonStatus: Int] = [:]

    /// Counts the statuses of `results`.
    /// - Complexity: O(n).
    init(_ results: [MetricComparison]) {
        for result in results {
            all[result.status, default: 0] += 1
            if !result.gating { nonGating[result.status, default: 0] += 1 }
        }
    }

    /// Results with `status`, gating or not.
    func count(_ status: ComparisonStatus) -> Int { all[status] ?? 0 }

    /// Gating results with `status`.
    func gatingCount(_ status: ComparisonStatus) -> Int { count(status) - nonGatingCount(status) }

    /// Non-gating results with `status`.
    func nonGatingCount(_ status: ComparisonStatus) -> Int { nonGating[status] ?? 0 }

    /// Every result.
    var total: Int { all.values.reduce(0, +) }

    /// Results present in both files (everything but added and removed).
    var compared: Int { total - count(.added) - count(.removed) }

    /// `2 regressed (1 not gating), 1 over budget, 40 unchanged`: every status present, in
    /// ``ReportOrder``, with thousands grouped; `nothing to compare` when there are no results.
    var phrase: String {
        let statuses = ComparisonStatus.allCases.sorted { ReportOrder.rank(of: $0) < ReportOrder.rank(of: $1) }
        let parts = statuses.compactMap { status -> String? in
            let total = count(status)
            guard total > 0 else { return nil }
            var part = "\(DecimalFormatting.grouped(total)) \(status.label)"
            let nonGating = nonGatingCount(status)
            if status.failsGate, nonGating > 0 { part += " (\(DecimalFormatting.grouped(nonGating)) not gating)" }
            return part
        }
        return parts.isEmpty ? "nothing to compare" : parts.joined(separator: ", ")
    }
}
