public import PerfGateComparison

/// The order every report lists results in, most important first.
///
/// 1. Gating results that fail the gate: `regressed`, then `over_budget`.
/// 2. Non-gating `regressed`, then non-gating `over_budget` (reported, but they do not fail the gate).
/// 3. `inconclusive`: the gate could not decide, usually because the samples are too few.
/// 4. `improved`.
/// 5. `added`, then `removed`: present in only one file, so not compared.
/// 6. `unchanged`.
///
/// Within a group, results keep the order they have in the comparison (the comparator's order), so
/// the ordering is stable and deterministic.
public enum ReportOrder {
    /// The rank of a status among the groups above; lower comes first.
    public static func rank(of status: ComparisonStatus) -> Int {
        switch status {
        case .regressed: 0
        case .overBudget: 1
        case .inconclusive: 2
        case .improved: 3
        case .added: 4
        case .removed: 5
        case .unchanged: 6
        }
    }

    /// `results` in report order (see the type's description).
    /// - Complexity: O(n log n).
    public static func sorted(_ results: [MetricComparison]) -> [MetricComparison] {
        results.enumerated()
            .sorted { lhs, rhs in
                let left = key(lhs.element)
                let right = key(rhs.element)
                if left != right { return left < right }
                return lhs.offset < rhs.offset
            }
            .map(\.element)
    }

    /// (gating failure first, then status rank).
    private static func key(_ result: MetricComparison) -> Int {
        let failsGate = result.gating && result.status.failsGate
        return (failsGate ? 0 : 10) + rank(of: result.status)
    }
}
