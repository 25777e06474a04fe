/// An ordered collection of metric families, ready to render; family names never clash.
///
/// Clashes include the names a histogram or summary writes besides its own (`x_bucket`, `x_sum`,
/// `x_count`, `x_created`), so two families can never emit the same sample name.
public struct MetricRegistry: Sendable, Hashable {
    /// The families, in the order registered (renderers keep it).
    public private(set) var families: [MetricFamily] = []

    /// Creates an empty registry.
    public init() {}

    /// Adds a family.
    /// - Throws: ``MonitoringError`` when one of its sample names is already used by another family.
    /// - Complexity: O(*f*) for *f* families.
    public mutating func register(_ family: MetricFamily) throws(MonitoringError) {
        let names = Self.sampleNames(of: family)
        for other in families where !Self.sampleNames(of: other).isDisjoint(with: names) {
            throw MonitoringError("metric family \"\(family.name)\" clashes with \"\(other.name)\"")
        }
        families.append(family)
    }

    /// The family named `name`, or nil.
    public func family(named name: String) -> MetricFamily? {
        families.first { $0.name == name }
    }

    /// Every name a family can write samples under (OpenMetrics' counter base name included).
    static func sampleNames(of family: MetricFamily) -> Set<String> {
        switch family.type {
        case .counter:
            let base = String(family.name.dropLast("_total".count))
            return [family.name, base, base + "_created"]
        case .gauge:
            return [family.name]
        case .histogram:
            return [family.name, family.name + "_bucket", family.name + "_sum", family.name + "_count", family.name + "_created"]
        case .summary:
            return [family.name, family.name + "_sum", family.name + "_count", family.name + "_created"]
        }
    }
}
