public import PerfGateComparison

/// Renders a comparison as JUnit XML, for CI systems that show test results.
///
/// One `<testsuites>` holding one `<testsuite name="perfgate">`, whose `<properties>` record the
/// verdict, alpha, correction, both runs and every warning. Each result with `gating: true` is one
/// `<testcase classname="BENCHMARK" name="METRIC">`, in ``ReportOrder``; non-gating results are
/// left out, since they cannot fail the gate. A test case is:
///
/// | status | JUnit |
/// | --- | --- |
/// | `regressed`, `over_budget` | `<failure message="REASON" type="regressed\|over_budget">` with the numbers |
/// | `inconclusive` | `<skipped message="REASON"/>`: the gate could not decide (too few samples); that is neither a pass nor a failure, and CI tools show skipped tests as needing attention |
/// | `added`, `removed` | `<skipped message="…"/>`: present in one file only, so not compared |
/// | `improved`, `unchanged` | passed (no child but `<system-out>`) |
///
/// Every test case has a `<system-out>` with the numbers: the gated statistic, both summaries,
/// the changes, the test, the shift estimate, the limits and the reason. The counts on
/// `<testsuites>` and `<testsuite>` are `tests`, `failures`, `errors` (always 0) and `skipped`.
///
/// All text is XML-escaped and characters XML 1.0 forbids are removed (see `XMLEscaping`), so the
/// output is well-formed for any input.
public struct JUnitReport: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The JUnit XML document for `comparison`, with an XML declaration, ending with a newline.
    /// - Complexity: O(n log n) in the number of results, plus O(size of their texts).
    public func render(_ comparison: Comparison) -> String {
        let gated = ReportOrder.sorted(comparison.results.filter(\.gating))
        let failures = gated.filter { $0.status.failsGate }.count
        let skipped = gated.filter { Self.skipMessage(for: $0) != nil }.count
        let counts = "tests=\"\(gated.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\""
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"perfgate\" \(counts)>",
            "  <testsuite name=\"perfgate\" \(counts)>",
        ]
        lines.append(contentsOf: Self.properties(comparison))
        for result in gated { lines.append(contentsOf: Self.testCase(result, comparison: comparison)) }
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `<properties>` element: verdict, alpha, correction, the two runs, the warnings.
    private static func properties(_ comparison: Comparison) -> [String] {
        var pairs = [
            ("verdict", comparison.verdict.rawValue), ("alpha", "\(comparison.alpha)"),
            ("correction", comparison.correction.rawValue),
        ]
        for (side, run) in [("baseline", comparison.baseline), ("candidate", comparison.candidate)] {
            pairs.append(("\(side).path", run.path))
            pairs.append(("\(side).runId", run.runId))
            if let commit = run.commit { pairs.append(("\(side).commit", commit)) }
        }
        pairs += comparison.warnings.map { ("warning", $0) }
        let elements = pairs.map { name, value in
            "      <property name=\"\(name)\" value=\"\(XMLEscaping.attribute(value))\"/>"
        }
        return ["    <properties>"] + elements + ["    </properties>"]
    }

    /// One `<testcase>` with its failure or skip and its `<system-out>`.
    private static func testCase(_ result: MetricComparison, comparison: Comparison) -> [String] {
        let opening =
            "    <testcase classname=\"\(XMLEscaping.attribute(result.benchmark))\" "
            + "name=\"\(XMLEscaping.attribute(result.metric))\">"
        var lines = [opening]
        if result.status.failsGate {
            let message = XMLEscaping.attribute(result.reason)
            let details = XMLEscaping.text(summaryLine(result, comparison: comparison))
            lines.append(
                "      <failure message=\"\(message)\" type=\"\(result.status.rawValue)\">\(details)</failure>"
            )
        } else if let skip = skipMessage(for: result) {
            lines.append("      <skipped message=\"\(XMLEscaping.attribute(skip))\"/>")
        }
        let output = JUnitNumbers.lines(for: result, comparison: comparison).map(XMLEscaping.text)
        lines.append("      <system-out>" + output.joined(separator: "\n") + "</system-out>")
        lines.append("    </testcase>")
        return lines
    }

    /// Why a result is skipped, or nil when it is not (it passed or failed).
    private static func skipMessage(for result: MetricComparison) -> String? {
        switch result.status {
        case .inconclusive: result.reason.isEmpty ? "inconclusive: too few samples to decide" : result.reason
        case .added: "added: no baseline to compare with"
        case .removed: "removed: not in the candidate run"
        case .regressed, .overBudget, .improved, .unchanged: nil
        }
    }

    /// `p95 13.1 ms → 15.0 ms (+14.6%), adjusted p 0.0019 (alpha 0.01, Holm)`.
    private static func summaryLine(_ result: MetricComparison, comparison: Comparison) -> String {
        let row = ReportRow(result)
        return "\(row.statistic) \(row.baseline) → \(row.candidate) (\(row.change)), adjusted p \(row.pValue) "
            + "(\(comparison.correction.describe(alpha: comparison.alpha)))"
    }
}
