/// An ordered list of HTTP header fields with case-insensitive lookup by name.
///
/// Keeps the order and spelling received; duplicates are kept as separate fields.
public struct HTTPHeaders: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The fields in order, as (name, value) pairs; values have surrounding whitespace removed.
    public private(set) var fields: [(name: String, value: String)]

    /// Creates headers from (name, value) pairs in order.
    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// Creates headers from a literal, e.g. `["Content-Type": "application/json"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The value of the first field named `name` (ASCII case-insensitive), or nil.
    /// - Complexity: O(number of fields).
    public subscript(_ name: String) -> String? {
        fields.first { Self.namesEqual($0.name, name) }?.value
    }

    /// Every value of fields named `name`, in order.
    /// - Complexity: O(number of fields).
    public func values(named name: String) -> [String] {
        fields.filter { Self.namesEqual($0.name, name) }.map(\.value)
    }

    /// Appends a field (duplicates allowed).
    public mutating func add(name: String, value: String) {
        fields.append((name: name, value: value))
    }

    /// Replaces every field named `name` with one field, or appends it.
    public mutating func replaceOrAdd(name: String, value: String) {
        removeAll(named: name)
        add(name: name, value: value)
    }

    /// Removes every field named `name`.
    public mutating func removeAll(named name: String) {
        fields.removeAll { Self.namesEqual($0.name, name) }
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Whether a comma-separated field (such as `Connection`) lists `token` (case-insensitive).
    public func contains(token: String, inFieldNamed name: String) -> Bool {
        values(named: name).contains { value in
            value.split(separator: ",").contains { Self.namesEqual($0.trimmingSpaces, token) }
        }
    }

    /// Field-by-field equality, names compared case-insensitively.
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { namesEqual($0.name, $1.name) && $0.value == $1.value }
    }

    /// ASCII case-insensitive comparison of two names or tokens.
    static func namesEqual(_ lhs: some StringProtocol, _ rhs: some StringProtocol) -> Bool {
        let left = lhs.utf8
        let right = rhs.utf8
        guard left.count == right.count else { return false }
        return zip(left, right).allSatisfy { asciiLowercase($0) == asciiLowercase($1) }
    }

    @inline(__always)
    static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let text = self[...]
        let start = text.firstIndex { $0 != " " && $0 != "\t" } ?? text.endIndex
        let end = text.lastIndex { $0 != " " && $0 != "\t" }.map { text.index(after: $0) } ?? start
        return Substring(text[start..<Swift.max(start, end)])
    }
}
