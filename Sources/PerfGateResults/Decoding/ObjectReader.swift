/// Reads the members of one JSON object during validation, with the object's path for error messages.
///
/// Creating a reader checks that the value is an object and that no key appears twice (JSON allows
/// duplicates, but which one wins differs between tools, so our files reject them). A member whose value
/// is `null` counts as absent for ``optional(_:)`` and as missing for ``required(_:)``.
struct ObjectReader {
    let path: JSONPath
    let members: [(key: String, value: JSONValue)]

    /// - Parameter what: What the object is, for the type error (`the benchmark`, `the summary`).
    init(_ value: JSONValue, at path: JSONPath, what: String = "an object") throws(DecodingFailure) {
        guard case .object(let members) = value else {
            throw JSONRead.typeMismatch(what == "an object" ? what : "an object (\(what))", value, at: path)
        }
        self.path = path
        self.members = members
        if members.count > 1 {
            var seen = Set<String>(minimumCapacity: members.count)
            for member in members where !seen.insert(member.key).inserted {
                throw DecodingFailure(
                    path.appending(member.key),
                    "the key \(JSONRead.quoted(member.key)) appears more than once",
                    hint: "keep only one of them"
                )
            }
        }
    }

    /// The value of `key`, or nil when absent or `null`.
    func optional(_ key: String) -> JSONValue? {
        for member in members where member.key == key {
            if case .null = member.value { return nil }
            return member.value
        }
        return nil
    }

    /// The value of `key`; fails naming the field when it is absent or `null`.
    func required(_ key: String) throws(DecodingFailure) -> JSONValue {
        guard let value = optional(key) else {
            throw DecodingFailure(path, "missing required field \"\(key)\"", hint: "add \"\(key)\" to this object")
        }
        return value
    }

    /// Reads a required member with `read`, passing the member's path.
    func required<T>(
        _ key: String,
        _ read: (JSONValue, JSONPath) throws(DecodingFailure) -> T
    ) throws(DecodingFailure) -> T {
        try read(try required(key), path.appending(key))
    }

    /// Reads an optional member with `read`, passing the member's path; nil when absent or `null`.
    func optional<T>(
        _ key: String,
        _ read: (JSONValue, JSONPath) throws(DecodingFailure) -> T
    ) throws(DecodingFailure) -> T? {
        guard let value = optional(key) else { return nil }
        return try read(value, path.appending(key))
    }

    /// Fails on the first key not in `allowed`, suggesting the closest allowed key for typos.
    func rejectUnknownKeys(allowed: [String]) throws(DecodingFailure) {
        for member in members where !allowed.contains(member.key) {
            var hint = "the fields allowed here are " + allowed.joined(separator: ", ")
            // Long keys cannot be typos of ours; skip the quadratic distance for them.
            let distances = member.key.count <= 64 ? allowed.map { ($0, editDistance($0, member.key)) } : []
            if let closest = distances.min(by: { $0.1 < $1.1 }), closest.1 <= 2 {
                hint = "did you mean \"\(closest.0)\"? " + hint
            }
            throw DecodingFailure(
                path.appending(member.key),
                "unknown field \(JSONRead.quoted(member.key))",
                hint: hint
            )
        }
    }

    /// Levenshtein distance over Unicode scalars, for typo suggestions.
    ///
    /// - Complexity: O(*n*·*m*) for strings of *n* and *m* scalars.
    private func editDistance(_ first: String, _ second: String) -> Int {
        let a = Array(first.unicodeScalars)
        let b = Array(second.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
