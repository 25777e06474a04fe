/// Renders a ``CalibrationAnalysis`` as a Markdown document (docs/BASELINES.md) and a terminal table.
struct CalibrationReport {
    var analysis: CalibrationAnalysis
    /// The command that produced it, as typed.
    var command: String
    /// `YYYY-MM-DD HH:MM UTC`.
    var date: String
    /// One line about the machine.
    var machine: String
    /// Notes on the conditions of the measurement (load, build), one per line.
    var notes: [String]

    /// Per benchmark group (first part of the id): false-failure rate, detection per slowdown, smallest caught.
    struct GroupSummary {
        var group: String
        var falseFailureRate: Double
        var detection: [Double]
        var smallestObserved: Double?
        var smallestModelled: Double
    }

    /// The groups, in first-seen order.
    var groups: [GroupSummary] {
        var order: [String] = []
        for row in analysis.rows where !order.contains(Self.group(row)) { order.append(Self.group(row)) }
        return order.map { group in
            let rows = analysis.rows.filter { Self.group($0) == group }
            // A group fails an A/A comparison (or catches a pair) when any of its metrics does.
            let failed = rows.reduce(into: Set<Int>()) { $0.formUnion($1.falseFailureComparisons) }
            let falseRate = Double(failed.count) / Double(max(1, analysis.aaComparisons))
            let pairs = max(1, rows.first?.pairs ?? 1)
            let detection = analysis.slowdowns.indices.map { index in
                Double(rows.reduce(into: Set<Int>()) { $0.formUnion($1.caughtPairs[index]) }.count) / Double(pairs)
            }
            let observed = zip(analysis.slowdowns, detection).filter { $0.1 >= 0.8 }.map(\.0).min()
            return GroupSummary(
                group: group, falseFailureRate: falseRate, detection: detection, smallestObserved: observed,
                // Metrics that never vary and never moved (message counts, error ratios) cannot show a
                // slowdown: left out. Instruction counts barely vary but do move: kept.
                smallestModelled: rows.filter { ($0.betweenRunNoise > 0 && $0.sampleCV > 0) || $0.caught.contains { $0 > 0 } }
                    .map(\.smallestModelled).min() ?? .infinity
            )
        }
    }

    static func group(_ benchmark: String) -> String { String(benchmark.split(separator: "/").first ?? Substring(benchmark)) }

    /// The row's group: the benchmark's group, with instruction counts (an opt-in metric with no
    /// machine noise) as a group of their own, `coordination (instructions)`.
    static func group(_ row: CalibrationAnalysis.Row) -> String {
        row.metric == "instructions" ? group(row.benchmark) + " (instructions)" : group(row.benchmark)
    }

    static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "∞" }
        let tenths = (value * 1000).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
    }

    private func rate(_ count: Int, of total: Int) -> String { "\(count)/\(total)" }

    /// The header and rows of the per-metric table.
    var table: [[String]] {
        let header = ["benchmark", "metric", "limit", "samples", "CV", "noise s", "A/A fails"]
            + analysis.slowdowns.map { "caught @" + Self.percent($0) }
            + ["smallest caught", "modelled", "advice"]
        let rows = analysis.rows.map { row in
            [row.benchmark, "\(row.metric) \(row.statistic.rawValue)", "+" + Self.percent(row.maxRegression),
             String(row.samplesPerSide), Self.percent(row.sampleCV), Self.percent(row.betweenRunNoise),
             rate(row.falseFailures, of: row.aaComparisons)]
                + row.caught.map { rate($0, of: row.pairs) }
                + [row.smallestObserved.map(Self.percent) ?? "none", Self.percent(row.smallestModelled), advice(row)]
        }
        return [header] + rows
    }

    private func advice(_ row: CalibrationAnalysis.Row) -> String {
        if let limit = row.recommendedLimit, let samples = row.recommendedSamples {
            return "maxRegression \(Self.percent(limit)), \(samples) samples/side"
        }
        return "too noisy for \(Self.percent(analysis.target.slowdown)): \(row.recommendedWorkers ?? 0) worker processes"
    }

    /// The group summary as rows: group, false failures, detection per slowdown, smallest caught.
    var groupTable: [[String]] {
        let header = ["group", "false-failure rate"] + analysis.slowdowns.map { "detected @" + Self.percent($0) }
            + ["smallest caught (measured)", "smallest caught (modelled)"]
        return [header] + groups.map { group in
            [group.group, Self.percent(group.falseFailureRate)] + group.detection.map(Self.percent)
                + [group.smallestObserved.map(Self.percent) ?? "none of those tried", Self.percent(group.smallestModelled)]
        }
    }

    /// Fixed-width text for the terminal.
    var terminalText: String {
        var text = "calibration: \(analysis.aaComparisons) A/A comparisons, gate verdict fail in "
            + "\(Self.percent(analysis.overallFalseFailureRate)) of them\n\n"
        text += TextTable.render(groupTable) + "\n" + TextTable.render(table)
        let noisy = analysis.rows.filter(\.tooNoisy).map { "\($0.benchmark) \($0.metric)" }
        if !noisy.isEmpty { text += "\ntoo noisy to gate \(Self.percent(analysis.target.slowdown)): \(noisy.joined(separator: ", "))\n" }
        if !instructionPairs.isEmpty {
            text += "\nwall time against instructions:\n" + TextTable.render(instructionTable)
            text += instructionFindings.joined(separator: "\n") + "\n"
        }
        return text
    }
}

/// Plain and Markdown tables from rows of cells.
enum TextTable {
    /// Columns padded to their widest cell, two spaces apart; the first row is the header.
    static func render(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        let widths = header.indices.map { column in rows.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.element.paddedCell(to: widths[$0.offset]) }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A GitHub Markdown table; `|` in cells is escaped.
    static func markdown(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        func line(_ cells: [String]) -> String { "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |" }
        return ([line(header), line(header.map { _ in "---" })] + rows.dropFirst().map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The string followed by spaces up to `width` characters.
    fileprivate func paddedCell(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
