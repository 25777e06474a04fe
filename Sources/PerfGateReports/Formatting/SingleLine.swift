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

    /// `text` sanitized and cut to at most `maxCharacters` characters, keeping start and end around `…`.
    /// - Complexity: O(n) in the length of `text`.
    static func sanitized(_ text: String, maxCharacters: Int) -> String {
        let clean = sanitized(text)
        guard clean.count > maxCharacters else { return clean }
        let kept = max(0, maxCharacters - 1)
        return String(clean.prefix((kept + 1) / 2)) + "…" + String(clean.suffix(kept / 2))
    }
}
