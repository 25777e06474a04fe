#if canImport(Glibc)
import PerfGateResults
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PerfGateReports

/// Nice axis ticks and their labels with units, in the style of PerfGateReports' `ValueFormatter`
/// (ns/µs/ms/s, B/KiB/MiB/GiB/TiB, /s k/s M/s, percent), but with one scale and one number of
/// decimals for the whole axis so that neighbouring ticks never print the same text.
struct AxisScale {
    /// The tick values, ascending, in the metric's base unit.
    var ticks: [Double]
    /// The lower and upper end of the axis (the first and last tick).
    var lower: Double
    var upper: Double
    /// The label of each tick (`12.5 ms`).
    var labels: [String]

    /// Ticks covering `low…high` with about `target` steps of 1, 2 or 5 × 10ᵏ (in the display scale).
    init(low: Double, high: Double, unit: String, target: Int = 5) {
        var low = low
        var high = high
        if !(high > low) {
            // A constant series: a 1 % margin around it, or 0…1 for zeros; never below 0 for
            // non-negative values (a ratio of 0 should not show negative ticks).
            let pad = low == 0 ? 1 : Swift.abs(low) * 0.01
            low = low >= 0 ? Swift.max(0, low - pad) : low - pad
            high += pad
        }
        let scale = Self.scale(for: Swift.max(Swift.abs(low), Swift.abs(high)), unit: unit)
        let step = Self.niceStep((high - low) / scale.factor / Double(target))
        var first = (low / scale.factor / step).rounded(.down)
        if low >= 0, first < 0 { first = 0 }
        let last = (high / scale.factor / step).rounded(.up)
        let decimals = Swift.max(0, Int((-log10(step)).rounded(.up)))
        var ticks: [Double] = []
        var labels: [String] = []
        var index = first
        while index <= last + 0.5 {
            let scaled = index * step
            ticks.append(scaled * scale.factor)
            labels.append(Self.fixed(scaled, decimals: decimals) + scale.suffix)
            index += 1
        }
        self.ticks = ticks
        self.lower = ticks[0]
        self.upper = ticks[ticks.count - 1]
        self.labels = labels
    }

    /// 1, 2 or 5 × 10ᵏ, the smallest not below `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for multiple in [1.0, 2, 5, 10] where multiple * power >= raw * (1 - 1e-9) { return multiple * power }
        return 10 * power
    }

    /// The display scale of an axis whose largest magnitude is `magnitude`.
    static func scale(for magnitude: Double, unit: String) -> (factor: Double, suffix: String) {
        let scales: [(Double, String)]
        switch unit {
        case "seconds": scales = [(1e-9, " ns"), (1e-6, " µs"), (1e-3, " ms"), (1, " s")]
        case "bytes":
            scales = [(1, " B"), (1024, " KiB"), (1_048_576, " MiB"), (1_073_741_824, " GiB"), (1_099_511_627_776, " TiB")]
        case "per_second": scales = [(1, "/s"), (1e3, "k/s"), (1e6, "M/s"), (1e9, "G/s")]
        case "ratio": return (0.01, "%")
        case "count", "counts": return (1, "")
        default: return (1, "")
        }
        for (factor, suffix) in scales where magnitude / factor < 1000 { return (factor, suffix) }
        return scales[scales.count - 1]
    }

    /// A value with a fixed number of decimals (no grouping), `-0` shown as `0`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let factor = pow(10, Double(Swift.min(decimals, 12)))
        let rounded = (value * factor).rounded() / factor
        if decimals == 0 { return String(Int64(rounded == 0 ? 0 : rounded)) }
        let negative = rounded < 0
        let whole = Int64(Swift.abs(rounded) * factor + 0.5)
        let integer = whole / Int64(factor)
        var fraction = String(whole % Int64(factor))
        fraction = String(repeating: "0", count: Swift.max(0, decimals - fraction.count)) + fraction
        return (negative && whole != 0 ? "-" : "") + "\(integer).\(fraction)"
    }

    /// A single value for a label, as the reports show it (`ValueFormatter`).
    static func label(_ value: Double, unit: String) -> String {
        ValueFormatter.format(value, unit: unit)
    }
}
