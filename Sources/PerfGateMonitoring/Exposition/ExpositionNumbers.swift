/// How numbers are written in both exposition formats.
enum ExpositionNumbers {
    /// A sample value: `NaN`, `+Inf`, `-Inf`; integral values below 2^53 without a fraction (`50`);
    /// anything else in Swift's shortest round-trip form (`0.0123`, `1e-05`), which Go's `ParseFloat`
    /// and Python's `float` both read back exactly.
    static func value(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number > 0 ? "+Inf" : "-Inf" }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 { return String(Int64(number)) }
        return String(number)
    }

    /// An `le` or `quantile` label value in OpenMetrics' canonical form: `1.0`, `0.5`, `+Inf`.
    static func canonical(_ number: Double) -> String {
        if number.isInfinite { return number > 0 ? "+Inf" : "-Inf" }
        return String(number)  // Swift writes integral doubles with ".0" (1.0, 50.0).
    }
}
