/// Escapes text from a results file for GitHub-flavoured Markdown, so that it shows as the same
/// characters and can neither break a table nor inject markup.
///
/// First the text is made one line (see `SingleLine`: line breaks become spaces, control
/// characters `�`, bidirectional overrides go) and cut to a length limit. Then:
///
/// | character | becomes | why |
/// | --- | --- | --- |
/// | `&` | `&amp;` | entities (`&lt;`) would otherwise be decoded |
/// | `<`, `>` | `&lt;`, `&gt;` | no HTML tags, no autolinks, no blockquote |
/// | `\` | `\\` | so our own escapes cannot be undone |
/// | `` ` `` `*` `_` `[` `]` `\|` `#` `~` | backslash before it | no code, emphasis, links, cells, headings, strikethrough |
///
/// `[` and `]` escaped means `](javascript:x)` cannot close or open a link. `@` is not escaped:
/// GitHub turns `@name` into a mention whatever escaping is used; benchmark names cannot contain `@`
/// (only parameter values can).
enum MarkdownEscaping {
    /// `text`, one line, cut to `maxScalars` Unicode scalars (middle replaced by `…`), then escaped.
    ///
    /// The result is at most 5 × `maxScalars` UTF-8 code units (the worst case is `&` → `&amp;`)
    /// and never contains a line break.
    /// - Complexity: O(n) in the length of `text`.
    static func escaped(_ text: String, maxScalars: Int) -> String {
        let line = SingleLine.sanitized(text, maxScalars: maxScalars)
        var result = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~":
                result.append("\\")
                result.append(scalar)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
