/// Makes text from a results file safe to show on one line: no line breaks, no control characters,
/// no bidirectional overrides.
///
/// Line breaks (`\n`, `\r`, U+0085, U+2028, U+2029) and tabs become a space. Other C0 and C1 control
/// characters (including ESC, which starts terminal escape sequences) and DEL become U+FFFD `�`.
/// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which can
/// make text read differently from what it is, are removed.
enum SingleLine {
    /// `text` with line breaks as spaces and control characters replaced or removed.
    /// - Complexity: O(n) in the length of `text`.
    static func sanitized(_ text: String) -> String {
        // Fast path: most text (benchmark ids, metric names) is printable ASCII.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x85, 0x2028, 0x2029: scalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: scalars.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `text` sanitized and cut to at most `maxScalars` Unicode scalars, keeping start and end around `…`.
    ///
    /// Counting scalars rather than characters bounds the size even for a hostile grapheme cluster
    /// (one letter with thousands of combining marks); such a cluster may be cut in two.
    /// - Complexity: O(n) in the length of `text`.
    static func sanitized(_ text: String, maxScalars: Int) -> String {
        let clean = sanitized(text).unicodeScalars
        guard clean.count > maxScalars else { return String(clean) }
        let kept = max(0, maxScalars - 1)
        var result = String.UnicodeScalarView(clean.prefix((kept + 1) / 2))
        result.append("…")
        result.append(contentsOf: clean.suffix(kept / 2))
        return String(result)
    }
}
