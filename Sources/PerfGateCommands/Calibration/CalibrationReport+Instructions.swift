extension CalibrationReport {
    /// The benchmarks whose instructions were counted, each with its wall-time rows (gated metrics in
    /// seconds) and its instructions row, in report order.
    var instructionPairs: [(benchmark: String, wallTime: [CalibrationAnalysis.Row], instructions: CalibrationAnalysis.Row)] {
        analysis.rows.filter { $0.metric == "instructions" }.map { instructions in
            let wallTime = analysis.rows.filter { $0.benchmark == instructions.benchmark && $0.metric.hasSuffix("_seconds") }
            return (instructions.benchmark, wallTime, instructions)
        }
    }

    /// Wall time against instructions, one row per metric of each counted benchmark: A/A failures,
    /// detections per slowdown, noise.
    var instructionTable: [[String]] {
        let header = ["benchmark", "metric", "limit", "noise s", "A/A fails"] + analysis.slowdowns.map { "caught @" + Self.percent($0) }
        var rows = [header]
        for pair in instructionPairs {
            for row in pair.wallTime + [pair.instructions] {
                rows.append(
                    [row.benchmark, "\(row.metric) \(row.statistic.rawValue)", "+" + Self.percent(row.maxRegression),
                     Self.percent(row.betweenRunNoise), "\(row.falseFailures)/\(row.aaComparisons)"]
                        + row.caught.map { "\($0)/\(row.pairs)" }
                )
            }
        }
        return rows
    }

    /// One sentence per counted benchmark: the slowdowns instructions caught (≥ 80% of pairs) that its
    /// wall time did not, and the false failures of each.
    var instructionFindings: [String] {
        instructionPairs.map { pair in
            let reliable = { (row: CalibrationAnalysis.Row) in
                Set(analysis.slowdowns.indices.filter { row.pairs > 0 && Double(row.caught[$0]) >= 0.8 * Double(row.pairs) })
            }
            let byInstructions = reliable(pair.instructions)
            let byWallTime = pair.wallTime.reduce(into: Set<Int>()) { $0.formUnion(reliable($1)) }
            let only = byInstructions.subtracting(byWallTime).sorted().map { Self.percent(analysis.slowdowns[$0]) }
            let wallFalse = pair.wallTime.reduce(into: Set<Int>()) { $0.formUnion($1.falseFailureComparisons) }.count
            var text = "`\(pair.benchmark)`: "
            text += only.isEmpty
                ? "instructions caught no slowdown that wall time missed"
                : "instructions reliably caught \(only.joined(separator: ", ")) where wall time did not"
            text += "; A/A false failures \(pair.instructions.falseFailures)/\(pair.instructions.aaComparisons) on instructions "
                + "(noise \(Self.percent(pair.instructions.betweenRunNoise))) against \(wallFalse)/\(pair.instructions.aaComparisons) "
                + "on wall time (noise \(pair.wallTime.map { Self.percent($0.betweenRunNoise) }.joined(separator: ", ")))."
            return text
        }
    }

    /// The Markdown section on instruction counts, or a line saying they were not counted.
    var instructionSection: String {
        var text = "## What instruction counts catch that wall time cannot\n\n"
        guard !instructionPairs.isEmpty else {
            return text + "Instructions were not counted in this calibration (valgrind not installed, or `--no-instructions`).\n\n"
        }
        text += "Every run also counted instructions with valgrind's callgrind (`bench run --instructions`: one process per "
            + "benchmark, one profile part per sample, `SWIFT_DETERMINISTIC_HASHING=1`). The injected slowdown is real extra "
            + "work, so it moves instruction counts; machine noise does not.\n\n"
        text += TextTable.markdown(instructionTable) + "\n"
        text += instructionFindings.map { "- " + $0 }.joined(separator: "\n") + "\n\n"
        return text
    }
}
