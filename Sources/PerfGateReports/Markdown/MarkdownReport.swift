public import PerfGateComparison

/// Renders a comparison as a GitHub pull-request comment in GitHub-flavoured Markdown.
///
/// In order:
/// 1. A heading with the verdict: `## ❌ PerfGate: 2 regressions, 1 over budget` or
///    `## ✅ PerfGate: no regressions (43 compared)` (counts are of gating results).
/// 2. The two runs, the counts of every status, alpha and the correction.
/// 3. The warnings, as a blockquote.
/// 4. A table of regressions and budget breaches (gating first), with the reason of each.
/// 5. Lists of inconclusive results (with the reason, which says how many samples are needed).
/// 6. A table of improvements.
/// 7. Lists of added and of removed results.
/// 8. A table of unchanged results folded in `<details>`.
/// 9. What was left out, if anything: `… and 18,734 unchanged results not shown.`
///
/// Each table row shows the status with its symbol, benchmark, metric, gated statistic,
/// baseline → candidate of that statistic, its signed relative change and the adjusted p-value.
///
/// **Size.** The report never exceeds ``maxCharacters``, counted in UTF-8 code units (never fewer
/// than GitHub's character count). Rows are left out from the end of the least important section
/// first: unchanged, improved, added, removed, inconclusive, warnings, and only then regressions
/// and budget breaches. The heading and the runs line are always kept; a single cell is cut to a
/// bounded length (benchmark ids to 200 scalars, reasons to 500), so even one huge id cannot crowd
/// out the others. Only when ``maxCharacters`` is too small for the heading itself is the text cut.
///
/// **Escaping.** All text that came from a results file (benchmark ids, metric names, units, reasons,
/// warnings, paths, run ids, commits) is put on one line and escaped, so it can neither break a
/// table nor inject links, HTML or emphasis (see `MarkdownEscaping`).
public struct MarkdownReport: Sendable {
    /// The largest report, in UTF-8 code units; GitHub's comment limit is 65,536 characters.
    public var maxCharacters: Int

    /// Creates a renderer whose output has at most `maxCharacters` UTF-8 code units.
    /// - Parameter maxCharacters: Must be positive; below about 500 only the heading fits.
    public init(maxCharacters: Int = 65_000) {
        precondition(maxCharacters > 0, "maxCharacters must be positive")
        self.maxCharacters = maxCharacters
    }

    /// The comment for `comparison`, ending with a newline.
    /// - Complexity: O(n log n) in the number of results, plus O(size of their texts).
    public func render(_ comparison: Comparison) -> String {
        let counts = StatusCounts(comparison.results)
        let fixedBlocks = [Self.title(comparison, counts: counts) + "\n", Self.context(comparison, counts: counts)]
        var sections = Self.sections(comparison)
        assert(sections.count == SectionKind.allCases.count, "one section per kind")
        fit(fixedBlocks: fixedBlocks, sections: &sections)
        let blocks = fixedBlocks + sections.map { $0.render() } + [Self.footer(sections)]
        let text = blocks.filter { !$0.isEmpty }.joined(separator: "\n")
        return Self.cut(text, toUTF8Count: maxCharacters)
    }

    /// Leaves out rows, least important section first, until the report fits ``maxCharacters``.
    /// - Complexity: O(s · log n) size computations of O(s) each, s sections of at most n rows.
    private func fit(fixedBlocks: [String], sections: inout [MarkdownSection]) {
        let fixedSize = fixedBlocks.reduce(0) { $0 + $1.utf8.count + 1 }
        func totalSize() -> Int {
            let footer = Self.footer(sections).utf8.count
            return sections.reduce(fixedSize + footer + 1) { $0 + ($1.kept > 0 ? $1.size + 1 : 0) }
        }
        for kind in Self.dropOrder where totalSize() > maxCharacters {
            let index = kind.rawValue
            // Binary search for the most rows that fit, then step down in case the footer grew.
            var low = 0
            var high = sections[index].rows.count
            while low < high {
                let middle = (low + high + 1) / 2
                sections[index].kept = middle
                if totalSize() <= maxCharacters { low = middle } else { high = middle - 1 }
            }
            sections[index].kept = low
            while sections[index].kept > 0, totalSize() > maxCharacters { sections[index].kept -= 1 }
        }
    }

    /// `text` cut to at most `count` UTF-8 code units at a character boundary.
    private static func cut(_ text: String, toUTF8Count count: Int) -> String {
        guard text.utf8.count > count else { return text }
        var result = ""
        var size = 0
        for character in text {
            let characterSize = character.utf8.count
            if size + characterSize > count { break }
            result.append(character)
            size += characterSize
        }
        return result
    }
}
