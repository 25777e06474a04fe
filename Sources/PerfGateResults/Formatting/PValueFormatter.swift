/// Formats p-values.
public enum PValueFormatter {
    /// p-values below this show as `<0.0001`.
    public static let floor = 0.0001

    /// A p-value with 2 significant digits (`0.0019`, `0.034`, `0.50`, `1.0`), `<0.0001` below
    /// ``floor``, and `—` when there is no test (added, removed) or the value is not finite.
    public static func format(_ pValue: Double?) -> String {
        guard let pValue, pValue.isFinite else { return ChangeFormatter.missing }
        if pValue < floor { return "<0.0001" }
        return DecimalFormatting.significant(pValue, digits: 2)
    }
}
