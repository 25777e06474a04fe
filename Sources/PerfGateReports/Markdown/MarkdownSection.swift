/// A part of the Markdown report whose rows can be left out to keep the report under its size limit.
///
/// Renders as `heading`, the first `kept` rows each followed by a newline, then `trailer`; a section
/// that keeps no row renders as nothing (not even its heading). Sizes are UTF-8 code units, which is
/// never fewer than characters, Unicode scalars or UTF-16 code units, so a size limit in UTF-8
/// holds for any way GitHub counts.
struct MarkdownSection {
    /// Text before the rows, ending with a newline (a `###` heading and a table header, say).
    var heading: String
    var rows: [String]
    /// Text after the rows (`</details>`, say), empty or ending with a newline.
    var trailer: String
    /// What the rows are, for the note that some are not shown: `unchanged results`.
    var noun: String
    /// How many rows, from the start, are shown.
    var kept: Int
    /// `rowSizes[k]`: the UTF-8 size of the first `k` rows with their newlines.
    private var rowSizes: [Int]

    /// A section showing all of `rows`.
    /// - Complexity: O(n) in the total size of the rows.
    init(heading: String, rows: [String], trailer: String = "", noun: String) {
        self.heading = heading
        self.rows = rows
        self.trailer = trailer
        self.noun = noun
        kept = rows.count
        var sizes = [0]
        sizes.reserveCapacity(rows.count + 1)
        for row in rows { sizes.append(sizes[sizes.count - 1] + row.utf8.count + 1) }
        rowSizes = sizes
    }

    /// Rows left out.
    var omitted: Int { rows.count - kept }

    /// The UTF-8 size of the section as it renders now.
    var size: Int { size(keeping: kept) }

    /// The UTF-8 size of the section if it kept its first `count` rows.
    func size(keeping count: Int) -> Int {
        count == 0 ? 0 : heading.utf8.count + rowSizes[count] + trailer.utf8.count
    }

    /// The section as it renders now (empty when it keeps no row).
    /// - Complexity: O(size).
    func render() -> String {
        guard kept > 0 else { return "" }
        var text = heading
        text.reserveCapacity(size)
        for row in rows[..<kept] {
            text += row
            text += "\n"
        }
        return text + trailer
    }
}
