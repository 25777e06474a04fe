/// A JSON document as a value: what ``JSONValue/parse(_:)`` produces and ``JSONValue/serialized(pretty:)`` writes.
///
/// Objects keep their members in document order, duplicates included, so that a reader can report a
/// duplicated key instead of silently keeping one of them. Numbers keep whether they were written as an
/// integer literal (no fraction, no exponent) that fits in `Int`: those are ``integer(_:)``, every other
/// number is ``number(_:)``. Equality is structural and order-sensitive for objects; `.integer(1)` and
/// `.number(1.0)` are different values (use ``doubleValue`` to compare numerically).
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer literal (`-12`, `0`, `25769803776`) that fits in `Int`.
    case integer(Int)
    /// Any other number (`0.0123`, `1e-05`, `3.0`, or an integer literal too large for `Int`); always finite
    /// when parsed.
    case number(Double)
    /// A string, unescaped.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object: members in document order, duplicates kept.
    case object([(key: String, value: JSONValue)])

    /// The numeric value of ``integer(_:)`` or ``number(_:)``; nil for every other case.
    ///
    /// Integers beyond ±2^53 are rounded to the nearest `Double`.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The value of a member of an object: the first member named `key`; nil if absent or not an object.
    ///
    /// - Complexity: O(*m*) where *m* is the number of members.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Structural equality; object members are compared in order, and `.integer(1) != .number(1.0)`.
    ///
    /// - Complexity: O(*n*) in the size of the smaller value.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// Hashes the value consistently with `==`.
    ///
    /// - Complexity: O(*n*) in the size of the value.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value):
            hasher.combine(1)
            hasher.combine(value)
        case .integer(let value):
            hasher.combine(2)
            hasher.combine(value)
        case .number(let value):
            hasher.combine(3)
            hasher.combine(value)
        case .string(let value):
            hasher.combine(4)
            hasher.combine(value)
        case .array(let values):
            hasher.combine(5)
            hasher.combine(values)
        case .object(let members):
            hasher.combine(6)
            hasher.combine(members.count)
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        }
    }
}

extension JSONValue {
    /// A short description of this value for error messages: `null`, `true`, `12`, `"NaN"`, `an array`,
    /// `an object`. Strings are JSON-escaped (so a message stays on one line) and cut to 40 characters followed by `…`.
    package var briefDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): value.description
        case .string(let value): JSONRead.quoted(value)
        case .array: "an array"
        case .object: "an object"
        }
    }
}
