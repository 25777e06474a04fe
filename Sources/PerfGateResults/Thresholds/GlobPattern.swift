/// A glob on benchmark ids: `*` matches any run of characters (`/` included, possibly none), `?` exactly
/// one character, and every other character only itself (`[`, `]`, `.` are literal, so ids such as
/// `coordination/contract-net[agents=50]` can be matched exactly).
///
/// Characters are Unicode scalars. Matching is iterative with single-star backtracking, so a pattern like
/// `*a*a*a*a*b` against a long run of `a` takes O(*n*·*m*) time, never exponential.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let scalars: [Unicode.Scalar]

    /// Creates a pattern; every string is a valid pattern (the empty one matches only the empty id).
    public init(_ pattern: String) {
        self.pattern = pattern
        self.scalars = Array(pattern.unicodeScalars)
    }

    /// The pattern as written.
    public var description: String { pattern }

    /// Whether the whole of `text` matches the pattern.
    ///
    /// - Complexity: O(*n*·*m*) worst case for a text of *n* and a pattern of *m* scalars; O(*n* + *m*)
    ///   for patterns with at most one `*`.
    public func matches(_ text: String) -> Bool {
        let text = Array(text.unicodeScalars)
        var patternIndex = 0
        var textIndex = 0
        // Where the last `*` was, and the text position it currently stands for the end of.
        var starIndex: Int? = nil
        var starTextIndex = 0
        while textIndex < text.count {
            if patternIndex < scalars.count, scalars[patternIndex] == "*" {
                starIndex = patternIndex
                starTextIndex = textIndex
                patternIndex += 1
            } else if patternIndex < scalars.count,
                scalars[patternIndex] == "?" || scalars[patternIndex] == text[textIndex]
            {
                patternIndex += 1
                textIndex += 1
            } else if let star = starIndex {
                // Let the last star swallow one more character and retry the rest of the pattern.
                patternIndex = star + 1
                starTextIndex += 1
                textIndex = starTextIndex
            } else {
                return false
            }
        }
        while patternIndex < scalars.count, scalars[patternIndex] == "*" { patternIndex += 1 }
        return patternIndex == scalars.count
    }
}
