/// One metric family: a name, its help and type, and its series (each a label set and a value).
///
/// Invariants kept by ``add(labels:value:)``: label names are valid and not reserved, no label set
/// appears twice, and every value fits the type (a histogram value in a histogram family, …).
public struct MetricFamily: Sendable, Hashable {
    /// The family name (`agent_memory_bytes`); for a counter it ends in `_total`.
    public let name: String
    /// One line of help, unescaped (renderers escape it).
    public let help: String
    /// The family's type.
    public let type: MetricType
    /// The OpenMetrics unit (`seconds`, `bytes`, `ratio`); nil for none. The name must end in `_UNIT`.
    public let unit: String?
    /// The series in the order added.
    public private(set) var series: [MetricSeries] = []

    /// Creates an empty family.
    /// - Throws: ``MonitoringError`` for an invalid name, a counter not ending in `_total`, or a unit
    ///   the name does not end with.
    public init(name: String, help: String, type: MetricType, unit: String? = nil) throws(MonitoringError) {
        guard MetricNames.isValidMetricName(name) else {
            throw MonitoringError("metric name \"\(name)\" is invalid: use [a-zA-Z_][a-zA-Z0-9_]*")
        }
        if type == .counter && !name.hasSuffix("_total") {
            throw MonitoringError("counter \"\(name)\" must end in _total")
        }
        if let unit, !name.hasSuffix("_" + unit) {
            throw MonitoringError("metric \"\(name)\" has unit \"\(unit)\" but does not end in _\(unit)")
        }
        self.name = name
        self.help = help
        self.type = type
        self.unit = unit
    }

    /// Adds one series.
    /// - Throws: ``MonitoringError`` for a duplicate label set, an invalid or reserved label name
    ///   (`le`, `quantile`, `__…`), or a value that does not fit the type.
    /// - Complexity: O(*s*) for *s* series already present.
    public mutating func add(labels: MetricLabels = [:], value: MetricValue) throws(MonitoringError) {
        for label in labels.pairs {
            guard MetricNames.isValidLabelName(label.name), !label.name.hasPrefix("__"),
                label.name != "le", label.name != "quantile"
            else {
                throw MonitoringError("\(name): label name \"\(label.name)\" is invalid or reserved")
            }
        }
        guard value.requiredType == nil ? (type == .counter || type == .gauge) : value.requiredType == type else {
            throw MonitoringError("\(name): a \(type.rawValue) family cannot hold this value")
        }
        if type == .counter, case .single(let number) = value, !(number >= 0) {
            throw MonitoringError("\(name): counter value \(number) must be a non-negative number")
        }
        if series.contains(where: { $0.labels == labels }) {
            throw MonitoringError("\(name): duplicate series \(labels)")
        }
        series.append(MetricSeries(labels: labels, value: value))
    }

    /// Appends series the caller guarantees valid (distinct label sets, valid names, values of this
    /// type), skipping the O(*s*) checks of ``add(labels:value:)``: for ``LiveRegistry``, whose keys are
    /// distinct by construction and whose scrape must stay cheap.
    mutating func appendUnchecked(_ newSeries: [MetricSeries]) {
        series.append(contentsOf: newSeries)
    }
}

/// One series of a family: its labels and value.
public struct MetricSeries: Sendable, Hashable {
    /// The labels, in the order they are written.
    public var labels: MetricLabels
    /// The value.
    public var value: MetricValue
}
