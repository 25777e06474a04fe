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
