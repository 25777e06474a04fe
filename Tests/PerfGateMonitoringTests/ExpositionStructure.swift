/// A small reader of exposition text for tests: per line, what it is, and structural checks.
struct ExpositionStructure {
    var helpNames: [String] = []
    var typeNames: [String: String] = [:]
    /// `name{labels}` of every sample, in order.
    var seriesKeys: [String] = []
    var problems: [String] = []

    /// Reads `text`; `openMetrics` switches the counter naming rule and expects `# EOF`.
    init(_ text: String, openMetrics: Bool) {
        if text.contains("\r") { problems.append("carriage return") }
        if !text.hasSuffix("\n") { problems.append("no final newline") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        if openMetrics {
            if lines.last == "# EOF" { lines.removeLast() } else { problems.append("no # EOF") }
        }
        var sampledFamilies: Set<String> = []
        var current = ""
        for line in lines {
            if line.isEmpty { problems.append("blank line"); continue }
            let words = line.split(separator: " ", maxSplits: 3).map(String.init)
            if line.hasPrefix("# HELP ") {
                helpNames.append(words[2])
            } else if line.hasPrefix("# TYPE ") {
                if typeNames[words[2]] != nil { problems.append("TYPE twice for \(words[2])") }
                if sampledFamilies.contains(words[2]) { problems.append("TYPE after samples of \(words[2])") }
                typeNames[words[2]] = words[3]
                current = words[2]
            } else if line.hasPrefix("# UNIT ") {
                continue
            } else if line.hasPrefix("#") {
                problems.append("stray comment \(line)")
            } else {
                let key = String(line[..<line.lastIndex(of: " ")!])
                let name = String(key.prefix { $0 != "{" })
                if !name.hasPrefix(current) { problems.append("sample \(name) outside its family \(current)") }
                sampledFamilies.insert(current)
                seriesKeys.append(key)
            }
        }
        if Set(seriesKeys).count != seriesKeys.count { problems.append("duplicate series") }
        if Set(helpNames).count != helpNames.count { problems.append("HELP twice") }
        for name in typeNames.keys where !helpNames.contains(name) { problems.append("no HELP for \(name)") }
    }
}
