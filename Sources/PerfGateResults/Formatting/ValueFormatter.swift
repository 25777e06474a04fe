/// Formats metric values for people, by the metric's base unit.
///
/// | unit | rendering | example |
/// | --- | --- | --- |
/// | `seconds` | ns, µs, ms or s, 3 significant digits | `0.0123` → `12.3 ms` |
/// | `bytes` | B, KiB, MiB, GiB or TiB (powers of 1024), 3 significant digits | `36175872` → `34.5 MiB` |
/// | `ratio` | percent, 3 significant digits | `0.0123` → `1.23%` |
/// | `per_second` | /s, k/s, M/s or G/s (powers of 1000), 3 significant digits | `12345` → `12.3k/s` |
/// | `count`, `counts` | integers as they are; fractions with 3 significant digits | `1234` → `1234` |
/// | anything else | 3 significant digits, a space, the unit as given | `3.5` furlongs → `3.50 furlongs` |
///
/// A scaled unit is the smallest whose rounded value is below 1000, so `0.0009996` s is `1.00 ms`,
/// not `1000 µs`; past the largest unit the integer digits all show (`1500 s`). Zero is `0` with the
/// base unit (`0 s`, `0 B`). Non-finite values, which the contract forbids, show as `nan`/`inf`.
/// Units other than `ratio` may come from a results file: escape the result before putting it in markup.
public enum ValueFormatter {
    /// Significant digits shown for scaled values.
    public static let significantDigits = 3

    /// A unit prefix: the factor it stands for and the text written after the number.
    private typealias Scale = (factor: Double, suffix: String)

    private static let secondScales: [Scale] = [(1e-9, " ns"), (1e-6, " µs"), (1e-3, " ms"), (1, " s")]
    private static let byteScales: [Scale] = [
        (1, " B"), (1024, " KiB"), (1_048_576, " MiB"), (1_073_741_824, " GiB"), (1_099_511_627_776, " TiB"),
    ]
    private static let rateScales: [Scale] = [(1, "/s"), (1e3, "k/s"), (1e6, "M/s"), (1e9, "G/s")]

    /// `value`, in the base unit `unit`, as short text with a human unit.
    ///
    /// - Parameters:
    ///   - value: The value in the contract's base unit (seconds, bytes, a ratio in 0…1, …).
    ///   - unit: The metric's unit as written in the results file.
    /// - Returns: Text such as `12.3 ms`; see the type's table.
    public static func format(_ value: Double, unit: String) -> String {
        guard value.isFinite else { return DecimalFormatting.fixed(value, decimals: 0) }
        switch unit {
        case "seconds": return scaled(value, scales: secondScales)
        case "bytes": return scaled(value, scales: byteScales)
        case "per_second": return scaled(value, scales: rateScales)
        case "ratio": return scaled(value * 100, scales: [(1, "%")])
        case "exponent": return DecimalFormatting.significant(value, digits: significantDigits)
        case "count", "counts":
            if value == value.rounded(), value.magnitude < 1e15 { return String(Int64(value)) }
            return DecimalFormatting.significant(value, digits: significantDigits)
        default: return DecimalFormatting.significant(value, digits: significantDigits) + " " + unit
        }
    }

    /// `value` in the smallest of `scales` whose rounded magnitude is below 1000 (else the largest).
    private static func scaled(_ value: Double, scales: [Scale]) -> String {
        guard value != 0 else {
            let base = scales.first { $0.factor == 1 } ?? scales[0]
            return "0" + base.suffix
        }
        var chosen = scales[scales.count - 1]
        for scale in scales {
            let rounded = DecimalFormatting.rounded(
                value.magnitude / scale.factor,
                significantDigits: significantDigits
            )
            if rounded < 1000 {
                chosen = scale
                break
            }
        }
        return DecimalFormatting.significant(value / chosen.factor, digits: significantDigits) + chosen.suffix
    }
}
