/// Escaping of text that came from results files (benchmark ids, metric names, run ids, commits) for
/// the markup the trend report writes.
enum TextEscaping {
    /// `text` for XML and HTML character data or a double-quoted attribute: `&`, `<`, `>`, `"`, `'`
    /// become references, and characters XML 1.0 forbids (C0 controls other than tab, line feed and
    /// carriage return; U+FFFE, U+FFFF) are dropped, so the SVG stays well-formed whatever the input.
    /// - Complexity: O(n).
    static func xml(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            case "\t", "\n", "\r": result.append(" ")
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF || (0x7F...0x9F).contains(value) { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `text` as one line of GitHub Markdown that shows the same characters and can neither break a
    /// table cell nor inject markup: line breaks become spaces, control characters go, `&<>` become
    /// entities, and Markdown punctuation (`` \ ` * _ [ ] | # ~ ``) gets a backslash.
    /// - Complexity: O(n).
    static func markdown(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!":
                result.append("\\")
                result.append(scalar)
            case "\t", "\n", "\r": result.append(" ")
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                // Bidirectional overrides and isolates could reorder what a reader sees.
                if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `text` cut to `limit` characters, with `…` replacing the middle when longer.
    static func shortened(_ text: String, limit: Int) -> String {
        guard text.count > limit, limit > 3 else { return text }
        let keep = limit - 1
        return String(text.prefix(keep - keep / 3)) + "…" + String(text.suffix(keep / 3))
    }

    /// A file-name slug: runs of characters outside `[A-Za-z0-9._-]` become one `-`.
    static func slug(_ text: String, limit: Int = 80) -> String {
        var result = ""
        var lastWasDash = false
        for scalar in text.unicodeScalars {
            let isSafe = (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || scalar == "." || scalar == "_" || scalar == "-"
            if isSafe {
                result.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                result.append("-")
                lastWasDash = true
            }
        }
        while result.hasPrefix("-") || result.hasPrefix(".") { result.removeFirst() }
        while result.hasSuffix("-") { result.removeLast() }
        return String(result.prefix(limit))
    }
}
