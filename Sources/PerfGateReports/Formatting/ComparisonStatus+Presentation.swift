public import PerfGateComparison

extension ComparisonStatus {
    /// The status as a word or two for people: `regressed`, `over budget`, `inconclusive`, …
    public var label: String {
        switch self {
        case .regressed: "regressed"
        case .improved: "improved"
        case .unchanged: "unchanged"
        case .inconclusive: "inconclusive"
        case .overBudget: "over budget"
        case .added: "added"
        case .removed: "removed"
        }
    }

    /// A one-column symbol for terminals.
    ///
    /// Every symbol is East Asian Width "neutral" or "narrow" (one terminal column everywhere outside
    /// CJK-ambiguous locales) and has no emoji presentation: `✗` regressed and over budget, `?`
    /// inconclusive, `✓` improved, `·` unchanged, `+` added, `-` removed.
    public var textSymbol: String {
        switch self {
        case .regressed, .overBudget: "✗"
        case .inconclusive: "?"
        case .improved: "✓"
        case .unchanged: "·"
        case .added: "+"
        case .removed: "-"
        }
    }

    /// An emoji for Markdown: ❌ regressed, ⛔ over budget, ❔ inconclusive, ✅ improved, ⚪ unchanged,
    /// 🆕 added, 🗑️ removed.
    public var markdownSymbol: String {
        switch self {
        case .regressed: "❌"
        case .overBudget: "⛔"
        case .inconclusive: "❔"
        case .improved: "✅"
        case .unchanged: "⚪"
        case .added: "🆕"
        case .removed: "🗑️"
        }
    }
}
