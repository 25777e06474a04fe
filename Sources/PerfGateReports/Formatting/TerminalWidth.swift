/// Terminal column widths of text, and truncation that keeps rows aligned.
///
/// An approximation of `wcwidth`: combining marks, variation selectors and zero-width characters take
/// no column; East Asian wide and fullwidth characters and emoji take two; everything else one. Our
/// own symbols (`✗ ✓ · → ↳ … µ`) are one column. A grapheme cluster is as wide as its widest part,
/// at most two, so emoji sequences joined by U+200D count as one emoji.
enum TerminalWidth {
    /// The number of columns `text` takes in a terminal.
    /// - Complexity: O(n) in the length of `text`.
    static func of(_ text: String) -> Int {
        // Fast path: printable ASCII is one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + width(of: $1) }
    }

    /// `text` cut to at most `maxWidth` columns by replacing its middle with `…`.
    ///
    /// Keeps the start and the end, which tell benchmarks apart (`coordination/con…[agents=50]`).
    /// Text that fits is returned unchanged; a `maxWidth` below 1 gives an empty string.
    /// - Complexity: O(n) in the length of `text`.
    static func truncatingMiddle(_ text: String, toWidth maxWidth: Int) -> String {
        guard of(text) > maxWidth else { return text }
        guard maxWidth > 1 else { return maxWidth == 1 ? "…" : "" }
        let available = maxWidth - 1
        let headBudget = (available + 1) / 2
        let tailBudget = available - headBudget
        var head = ""
        var used = 0
        for character in text {
            let width = width(of: character)
            if used + width > headBudget { break }
            head.append(character)
            used += width
        }
        var tail: [Character] = []
        used = 0
        for character in text.reversed() {
            let width = width(of: character)
            if used + width > tailBudget { break }
            tail.append(character)
            used += width
        }
        return head + "…" + String(tail.reversed())
    }

    /// `text` followed by spaces up to `width` columns (left-aligned); text already wider is unchanged.
    static func padding(_ text: String, toWidth width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }

    /// Spaces and then `text`, up to `width` columns (right-aligned); text already wider is unchanged.
    static func leftPadding(_ text: String, toWidth width: Int) -> String {
        String(repeating: " ", count: max(0, width - of(text))) + text
    }

    /// The columns one grapheme cluster takes: its widest scalar, at most 2.
    private static func width(of character: Character) -> Int {
        var widest = 0
        for scalar in character.unicodeScalars {
            widest = max(widest, width(of: scalar))
            if widest == 2 { break }
        }
        return widest
    }

    /// The columns one scalar takes on its own.
    private static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if isZeroWidth(value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isEastAsianWide(value) ? 2 : 1
    }

    /// Combining marks, zero-width spaces and joiners, and variation selectors.
    private static func isZeroWidth(_ value: UInt32) -> Bool {
        switch value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        case 0x200B...0x200F, 0x2060...0x2064, 0xFE00...0xFE0F, 0xE0100...0xE01EF: true
        default: false
        }
    }

    /// East Asian Wide and Fullwidth blocks (Hangul Jamo, CJK, Hangul syllables, fullwidth forms).
    private static func isEastAsianWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
        case 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60: true
        case 0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD: true
        default: false
        }
    }
}
