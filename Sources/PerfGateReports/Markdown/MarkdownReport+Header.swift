import PerfGateResults
import PerfGateComparison

extension MarkdownReport {
    /// `## ❌ PerfGate: 2 regressions, 1 over budget`, `## ✅ PerfGate: no regressions (43 compared)`.
    ///
    /// The counts are of gating results, the ones that decide the verdict. A passing comparison with
    /// non-gating regressions or budget breaches says `no gating regressions`. A failing verdict
    /// without a gating failure (which the comparator never produces) says `gate failed`.
    static func title(_ comparison: Comparison, counts: StatusCounts) -> String {
        let compared = DecimalFormatting.grouped(counts.compared)
        guard comparison.verdict == .fail else {
            let hasNonGatingFailures = counts.count(.regressed) + counts.count(.overBudget) > 0
            return "## ✅ PerfGate: no \(hasNonGatingFailures ? "gating " : "")regressions (\(compared) compared)"
        }
        var parts: [String] = []
        let regressed = counts.gatingCount(.regressed)
        if regressed > 0 {
            parts.append("\(DecimalFormatting.grouped(regressed)) regression\(regressed == 1 ? "" : "s")")
        }
        let overBudget = counts.gatingCount(.overBudget)
        if overBudget > 0 { parts.append("\(DecimalFormatting.grouped(overBudget)) over budget") }
        return "## ❌ PerfGate: " + (parts.isEmpty ? "gate failed" : parts.joined(separator: ", "))
    }

    /// The runs compared, the counts of every status, alpha and the correction; two paragraphs.
    static func context(_ comparison: Comparison, counts: StatusCounts) -> String {
        "Baseline " + describe(comparison.baseline) + " → candidate " + describe(comparison.candidate) + "\n\n"
            + counts.phrase.prefix(1).uppercased() + counts.phrase.dropFirst()
            + " (\(comparison.correction.describe(alpha: comparison.alpha)))\n"
    }

    /// `path (run id, commit abc)`, escaped; the commit only when known.
    private static func describe(_ run: RunReference) -> String {
        var details = ["run " + MarkdownEscaping.escaped(run.runId, maxScalars: maxReferenceScalars)]
        if let commit = run.commit {
            details.append("commit " + MarkdownEscaping.escaped(commit, maxScalars: maxReferenceScalars))
        }
        return MarkdownEscaping.escaped(run.path, maxScalars: maxReferenceScalars) + " ("
            + details.joined(separator: ", ") + ")"
    }

    /// `*… and 18,734 unchanged results not shown.*`, one paragraph per section that left rows out,
    /// or an empty string.
    static func footer(_ sections: [MarkdownSection]) -> String {
        sections.filter { $0.omitted > 0 }
            .map { "*… and \(DecimalFormatting.grouped($0.omitted)) \($0.noun) not shown.*\n" }
            .joined(separator: "\n")
    }
}
