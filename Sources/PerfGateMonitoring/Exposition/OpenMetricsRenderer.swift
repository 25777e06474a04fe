/// Renders a ``MetricRegistry`` as OpenMetrics 1.0 text, ending in `# EOF`.
///
/// Differences from 0.0.4: counters are declared without `_total` (the sample keeps it), HELP escapes
/// quotes too, `# UNIT` follows TYPE when the family has a unit, `le`/`quantile` values are canonical
/// floats (`1.0`), and the body ends with `# EOF\n`.
public enum OpenMetricsRenderer {
    /// The Content-Type to serve this format with.
    public static let contentType = "application/openmetrics-text; version=1.0.0; charset=utf-8"

    /// The registry as OpenMetrics text.
    /// - Complexity: O(total series × buckets).
    public static func render(_ registry: MetricRegistry) -> String {
        var output = ""
        for family in registry.families {
            let declared = family.type == .counter ? String(family.name.dropLast("_total".count)) : family.name
            output += "# TYPE \(declared) \(family.type.rawValue)\n"
            if let unit = family.unit { output += "# UNIT \(declared) \(unit)\n" }
            output += "# HELP \(declared) \(ExpositionEscaping.openMetricsHelp(family.help))\n"
            for series in family.series {
                output += SampleLines.lines(family: family, series: series, style: .openMetrics)
            }
        }
        return output + "# EOF\n"
    }
}
