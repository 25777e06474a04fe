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
