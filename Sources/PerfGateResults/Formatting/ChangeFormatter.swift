/// Formats relative changes as signed percentages.
public enum ChangeFormatter {
    /// The text shown when there is no change to show (added, removed, or a baseline of 0).
    public static let missing = "—"

    /// A relative change as a signed percentage with one decimal: `0.145` → `+14.5%`, `-0.032` → `-3.2%`.
    ///
    /// A change that rounds to zero is `0.0%` (no sign); 1000% and more show no decimals (`+1234%`);
    /// nil or a non-finite value is `—`.
    ///
    /// - Parameter change: (candidate − baseline) / baseline, as in the comparison's `change` field.
    public static func format(_ change: Double?) -> String {
        guard let change, change.isFinite else { return missing }
        let percent = change * 100
        let decimals = percent.magnitude >= 999.95 ? 0 : 1
        let text = DecimalFormatting.fixed(percent, decimals: decimals)
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
        return (percent > 0 && !isZero ? "+" : "") + text + "%"
    }
}
