/// A location inside a JSON document, written JSONPath-style: `$.benchmarks[3].metrics.round_seconds`.
///
/// Keys that are plain identifiers (`[A-Za-z_][A-Za-z0-9_]*`) are written `.key`; any other key is written
/// `["key"]` with JSON escaping, so that a key holding `.` or `]` cannot make the path ambiguous.
/// Very deep paths (more than 24 components) are shortened in the middle to `…(N more)…`.
package struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step into an object or an array.
    package enum Component: Sendable, Hashable {
        /// A member of an object.
        case key(String)
        /// An element of an array (0-based).
        case index(Int)
    }

    /// The steps from the root, outermost first.
    package var components: [Component]

    /// The root of the document, `$`.
    package static let root = JSONPath(components: [])

    /// Creates a path from its steps, outermost first.
    package init(components: [Component]) {
        self.components = components
    }

    /// This path extended by an object member.
    package func appending(_ key: String) -> JSONPath {
        JSONPath(components: components + [.key(key)])
    }

    /// This path extended by an array element.
    package func appending(_ index: Int) -> JSONPath {
        JSONPath(components: components + [.index(index)])
    }

    /// The path as text, starting with `$`.
    ///
    /// - Complexity: O(*n*) in the number of components and key lengths.
    package var description: String {
        var text = "$"
        if components.count <= 24 {
            for component in components { Self.write(component, to: &text) }
        } else {
            for component in components.prefix(12) { Self.write(component, to: &text) }
            text += "…(\(components.count - 16) more)…"
            for component in components.suffix(4) { Self.write(component, to: &text) }
        }
        return text
    }

    private static func write(_ component: Component, to text: inout String) {
        switch component {
        case .index(let index):
            text += "[\(index)]"
        case .key(let key):
            if isIdentifier(key) {
                text += ".\(key)"
            } else {
                text += "["
                JSONSerializer.writeString(key, to: &text)
                text += "]"
            }
        }
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return key.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                true
            default: false
            }
        }
    }
}
