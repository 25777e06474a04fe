/// An ordered set of labels; two sets are equal when they hold the same pairs in any order.
public struct MetricLabels: Sendable, Hashable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// The pairs, in writing order; names are unique.
    public private(set) var pairs: [(name: String, value: String)]

    /// Creates labels from pairs; a later pair with the same name replaces the earlier value.
    public init(_ pairs: [(name: String, value: String)]) {
        self.pairs = []
        for pair in pairs { set(pair.name, to: pair.value) }
    }

    /// Creates labels from a literal, keeping the written order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { (name: $0.0, value: $0.1) })
    }

    /// Sets `name` to `value`, replacing an existing value in place or appending.
    public mutating func set(_ name: String, to value: String) {
        if let index = pairs.firstIndex(where: { $0.name == name }) {
            pairs[index].value = value
        } else {
            pairs.append((name, value))
        }
    }

    /// `{name="value",…}` unescaped, for messages.
    public var description: String {
        "{" + pairs.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: ",") + "}"
    }

    /// Equal when the same names carry the same values, in any order.
    public static func == (lhs: MetricLabels, rhs: MetricLabels) -> Bool {
        lhs.sortedPairs.elementsEqual(rhs.sortedPairs) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Hashes consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        for pair in sortedPairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }

    private var sortedPairs: [(name: String, value: String)] { pairs.sorted { $0.name < $1.name } }
}
