/// One line of the speed table: a case, its timing per call, and what to compare it with.
struct SpeedRow {
    var name: String
    var timing: Timing
    /// The aim, in seconds per call, or nil.
    var goal: Double?
    /// The key of scipy's figure for the same case in `scipy_mannwhitney.py`'s output, if any.
    var scipy: String? = nil
    /// The key of scipy's vectorised figure for the same case, if any.
    var scipyVectorised: String? = nil
}

/// scipy's figures as printed by `Benchmarks/Speed/scipy_mannwhitney.py`.
struct ScipyFigures {
    /// Seconds per comparison by case name (`loop_100v100_exact`, …).
    var seconds: [String: Double] = [:]
    /// The script's `# scipy …, numpy …` line, without the `# `.
    var versions: String?

    /// Reads lines `name: seconds_per_comparison=X comparisons=N` and `# versions`; ignores others.
    init(text: String) {
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# ") {
                versions = String(line.dropFirst(2))
                continue
            }
            let parts = line.split(separator: " ")
            guard parts.count >= 2, parts[0].hasSuffix(":") else { continue }
            let field = parts[1].split(separator: "=")
            guard field.count == 2, field[0] == "seconds_per_comparison", let value = Double(field[1]) else { continue }
            seconds[String(parts[0].dropLast())] = value
        }
    }
}

/// The table perfgate-speed prints: PerfGate's wall-clock median and minimum and least CPU time per
/// call, scipy's best (wall clock) when the same case was timed there, and the aim.
enum SpeedTable {
    static func render(_ rows: [SpeedRow], scipy: ScipyFigures?) -> String {
        let header = ["case", "median", "min", "cpu (min)", "scipy (best)", "aim"]
        var lines: [[String]] = [header]
        for row in rows {
            lines.append([
                row.name,
                formatSeconds(row.timing.median),
                formatSeconds(row.timing.minimum),
                formatSeconds(row.timing.cpuMinimum),
                scipyText(row, scipy),
                row.goal.map { "< " + formatSeconds($0, trimmingZeros: true) } ?? "",
            ])
        }
        let widths = header.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { cells in
            cells.indices.map { column in
                let cell = cells[column]
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                // Names left-aligned, figures right-aligned, the last column unpadded.
                if column == 0 { return cell + padding }
                if column == cells.count - 1 { return cell }
                return padding + cell
            }.joined(separator: "   ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    private static func scipyText(_ row: SpeedRow, _ scipy: ScipyFigures?) -> String {
        guard let scipy else { return row.scipy == nil ? "" : "not run" }
        var parts: [String] = []
        if let key = row.scipy {
            parts.append(
                scipy.seconds[key].map { formatSeconds($0) + (row.scipyVectorised == nil ? "" : " loop") } ?? "missing"
            )
        }
        if let key = row.scipyVectorised, let value = scipy.seconds[key] {
            parts.append(formatSeconds(value) + " vectorised")
        }
        return parts.joined(separator: ", ")
    }
}

extension String {
    /// The string without trailing spaces.
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = Substring(self)
        while result.hasSuffix(" ") { result = result.dropLast() }
        return String(result)
    }
}
