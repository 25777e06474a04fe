/// SGR escape sequences for the terminal report.
enum ANSIStyle: String {
    case bold = "\u{1B}[1m"
    case dim = "\u{1B}[2m"
    case red = "\u{1B}[31m"
    case green = "\u{1B}[32m"
    case yellow = "\u{1B}[33m"
    case cyan = "\u{1B}[36m"
    case boldRed = "\u{1B}[1;31m"
    case boldGreen = "\u{1B}[1;32m"
    case boldYellow = "\u{1B}[1;33m"

    /// Resets every attribute.
    static let reset = "\u{1B}[0m"

    /// `text` in this style followed by a reset, or `text` itself when colour is off or `text` is blank.
    func apply(to text: String, when isEnabled: Bool) -> String {
        guard isEnabled, text.contains(where: { !$0.isWhitespace }) else { return text }
        return rawValue + text + Self.reset
    }

    /// The style of a status cell: failures red (yellow when not gating), inconclusive yellow,
    /// improved green, added and removed cyan, unchanged dim.
    static func style(for row: ReportRow) -> ANSIStyle {
        switch row.status {
        case .regressed, .overBudget: row.isGating ? .boldRed : .yellow
        case .inconclusive: .yellow
        case .improved: .green
        case .added, .removed: .cyan
        case .unchanged: .dim
        }
    }
}
