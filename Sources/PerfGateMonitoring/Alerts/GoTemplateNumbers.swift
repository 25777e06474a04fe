import Foundation

/// How Prometheus' alert templates print numbers, reproduced for the expected annotations of the
/// generated unit tests and for limits written into annotation text.
///
/// Sources: Prometheus `template.go` (`humanize1024`, `humanizeDuration`, `humanizePercentage`), and Go's
/// `fmt` `%v` for a bare `{{ $value }}` (shortest form, exponent only below 1e-4 or from 1e21). Only the
/// ranges the tests use are needed; `promtool test rules` checks the results against the real thing.
enum GoTemplateNumbers {
    /// `{{ $value }}`: Go's `%v` of a float64.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e21 { return String(format: "%.0f", value) }
        return String(value)
    }

    /// `{{ $value | humanize1024 }}`: `%.4g` and a binary prefix (`34.5Mi`).
    static func humanize1024(_ value: Double) -> String {
        var number = value
        var prefix = ""
        for next in ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"] where abs(number) >= 1024 {
            number /= 1024
            prefix = next
        }
        return g4(number) + prefix
    }

    /// `{{ $value | humanizeDuration }}` for values below one minute (`950ms`, `1.5s`).
    static func humanizeDuration(_ value: Double) -> String {
        if abs(value) >= 1 { return g4(value) + "s" }
        if value == 0 { return "0s" }
        var number = value
        var prefix = ""
        for next in ["m", "u", "n", "p", "f", "a", "z", "y"] where abs(number) < 1 {
            number *= 1000
            prefix = next
        }
        return g4(number) + prefix + "s"
    }

    /// `{{ $value | humanizePercentage }}`: `%.4g%%` of value × 100 (`5.1%`).
    static func humanizePercentage(_ value: Double) -> String {
        g4(value * 100) + "%"
    }

    /// Go's and C's `%.4g`.
    static func g4(_ value: Double) -> String {
        String(format: "%.4g", value)
    }
}
