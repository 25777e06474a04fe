/// Renders a ``MetricRegistry`` as Prometheus text format 0.0.4.
///
/// Per family: `# HELP`, `# TYPE`, then every series together; histograms write cumulative
/// `_bucket` lines in increasing `le` ending with `le="+Inf"` (equal to `_count`), then `_sum` and
/// `_count`; summaries write quantile lines in increasing order, then `_sum` and `_count`. Every line
/// ends in `\n` (the last one too), no timestamps. Families without series are still written with
/// their HELP and TYPE (valid, and tells a reader the family exists).
public enum PrometheusTextRenderer {
    /// The Content-Type to serve this format with.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The registry as text format 0.0.4.
    /// - Complexity: O(total series × buckets).
    public static func render(_ registry: MetricRegistry) -> String {
        var output = ""
        for family in registry.families {
            output += "# HELP \(family.name) \(ExpositionEscaping.help(family.help))\n"
            output += "# TYPE \(family.name) \(family.type.rawValue)\n"
            for series in family.series {
                output += SampleLines.lines(family: family, series: series, style: .text)
            }
        }
        return output
    }
}

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

/// The sample lines of one series, shared by both renderers.
enum SampleLines {
    enum Style { case text, openMetrics }

    static func lines(family: MetricFamily, series: MetricSeries, style: Style) -> String {
        let bound: (Double) -> String = { number in
            style == .text ? ExpositionNumbers.value(number) : ExpositionNumbers.canonical(number)
        }
        switch series.value {
        case .single(let number):
            return line(family.name, series.labels, extra: nil, number)
        case .histogram(let buckets, let sum, let count):
            var text = ""
            for bucket in buckets {
                text += line(family.name + "_bucket", series.labels, extra: ("le", bound(bucket.upperBound)), bucket.cumulativeCount)
            }
            text += line(family.name + "_bucket", series.labels, extra: ("le", "+Inf"), count)
            text += line(family.name + "_sum", series.labels, extra: nil, sum)
            return text + line(family.name + "_count", series.labels, extra: nil, count)
        case .summary(let quantiles, let sum, let count):
            var text = ""
            for quantile in quantiles {
                text += line(family.name, series.labels, extra: ("quantile", bound(quantile.quantile)), quantile.value)
            }
            text += line(family.name + "_sum", series.labels, extra: nil, sum)
            return text + line(family.name + "_count", series.labels, extra: nil, count)
        }
    }

    private static func line(_ name: String, _ labels: MetricLabels, extra: (String, String)?, _ value: Double) -> String {
        var pairs = labels.pairs.map { "\($0.name)=\"\(ExpositionEscaping.labelValue($0.value))\"" }
        if let extra { pairs.append("\(extra.0)=\"\(extra.1)\"") }
        let labelText = pairs.isEmpty ? "" : "{" + pairs.joined(separator: ",") + "}"
        return "\(name)\(labelText) \(ExpositionNumbers.value(value))\n"
    }
}
