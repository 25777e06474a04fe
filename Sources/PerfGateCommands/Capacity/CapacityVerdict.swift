/// The verdict paragraph of one ramp: the largest count that held, the first that failed and why, and
/// what that means for the published limit of 50 coordinating agents.
struct CapacityVerdict {
    var ramp: CapacityRampResult
    var publishedLimit: Int

    /// `coordinating agents` or `agents over the API (one connection each)`.
    private var subject: String { ramp.kind == .api ? "agents over the API (one connection each)" : "coordinating agents" }

    /// One paragraph, Markdown.
    var text: String {
        guard let outcome = ramp.outcome else { return "Not measured: \(ramp.skipReason ?? "skipped")." }
        var text = "Largest count that meets every \(ramp.kind == .api ? "API" : "coordination") objective: "
        text += "**\(outcome.largestHolding.map(String.init) ?? "none (1 agent already fails)")**. "
        if let failing = outcome.firstFailing {
            text += "First failing count: **\(failing)** (\(outcome.failedObjectives.joined(separator: "; "))). "
        } else if let holding = outcome.largestHolding {
            text += "Held up to \(holding), the maximum tried (no count failed; the breaking point lies above it). "
        }
        return text + limitSentence(outcome) + errorSentence(outcome)
    }

    /// For the API ramp: from which count requests failed, when any did, and what judges them.
    private func errorSentence(_ outcome: CapacityRamp.Outcome) -> String {
        guard ramp.kind == .api, let first = outcome.points.first(where: { ($0.apiErrorRatio ?? 0) > 0 }),
            let worst = outcome.points.max(by: { ($0.apiErrorRatio ?? 0) < ($1.apiErrorRatio ?? 0) })
        else { return "" }
        let judged = ramp.objectives.contains { $0.quantity == "api_error_ratio" }
        return " Failed requests appear from \(first.agents) connections on (at most "
            + "\(CalibrationReport.percent(worst.apiErrorRatio ?? 0)), at \(worst.agents))"
            + (first.agents > 1024 ? "; past 1,024 connections, the server's default connection limit, it answers 503" : "")
            + (judged ? "." : "; `api_error_ratio<=X` in --slo would judge them.")
    }

    private func limitSentence(_ outcome: CapacityRamp.Outcome) -> String {
        let holding = outcome.largestHolding ?? 0
        let limit = publishedLimit
        if holding >= limit {
            let margin = CalibrationReport.formatNumber(Double(holding) / Double(limit))
            let qualifier = outcome.firstFailing == nil ? "at least " : ""
            if ramp.kind == .coordination {
                return "The published limit of \(limit) coordinating agents is **confirmed** on this machine, with a margin of "
                    + "\(qualifier)\(margin)× (\(holding) agents held)."
            }
            return "\(limit) \(subject) are within the API objectives, with a margin of \(qualifier)\(margin)×."
        }
        if outcome.firstFailing == nil {
            return "That is below \(limit): it neither confirms nor refutes \(limit) \(subject)."
        }
        if ramp.kind == .coordination {
            return "The published limit of \(limit) is **not met** on this machine: it should be **corrected to \(holding)** "
                + "for these objectives (the table below is the evidence)."
        }
        return "\(limit) \(subject) are **not** within the API objectives on this machine: \(holding) are."
    }
}
