import PerfGateResults

extension Comparator {
    /// A plain number for reasons (`0.01`, `0.0079`, `1.3e-05`): Swift's shortest form, which is
    /// exact for the thresholds a user typed and short for computed probabilities.
    static func format(_ value: Double) -> String {
        value >= 1e-4 ? DecimalFormatting.significant(value, digits: 2).trimmingTrailingZeros : "\(value)"
    }

    /// A value in its unit for reasons: `506 ms`, `28.3 MiB`, `8.00%`.
    static func format(_ value: Double, unit: String) -> String {
        ValueFormatter.format(value, unit: unit)
    }

    /// `p = 0.0019` or `p < 0.0001`.
    static func formatP(_ pValue: Double) -> String {
        let text = PValueFormatter.format(pValue)
        return text.hasPrefix("<") ? "p < \(text.dropFirst())" : "p = \(text)"
    }

    /// A relative change as a signed percentage with one decimal: `+14.5%`, `-3.0%`; `+∞%` when the
    /// baseline was 0.
    static func formatPercent(_ ratio: Double, signed: Bool = true) -> String {
        guard ratio.isFinite else { return ratio > 0 ? "+∞%" : "-∞%" }
        let text = ChangeFormatter.format(ratio)
        if signed { return text }
        return text.hasPrefix("+") || text.hasPrefix("-") ? String(text.dropFirst()) : text
    }
}

extension String {
    /// `0.010` → `0.01`, `2.50` → `2.5`, `3.0` → `3`; text without a point is unchanged.
    fileprivate var trimmingTrailingZeros: String {
        guard contains(".") else { return self }
        var text = Substring(self)
        while text.hasSuffix("0") { text = text.dropLast() }
        if text.hasSuffix(".") { text = text.dropLast() }
        return String(text)
    }
}
