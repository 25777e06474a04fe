import PerfGateResults
import PerfGateReports

/// Number formats shared by the trend renderers.
enum TrendFormatting {
    /// A relative change as a signed percentage with 3 significant digits at most 1 decimal
    /// (`+20.0%`, `-3.2%`, `+150%`).
    static func percent(_ change: Double) -> String {
        let percent = change * 100
        let sign = percent >= 0 ? "+" : "-"
        let magnitude = abs(percent)
        let decimals = magnitude >= 100 ? 0 : 1
        return sign + AxisScale.fixed(magnitude, decimals: decimals) + "%"
    }

    /// A p-value as the comparison reports show it (`PValueFormatter`).
    static func pValue(_ value: Double) -> String {
        PValueFormatter.format(value)
    }
}
