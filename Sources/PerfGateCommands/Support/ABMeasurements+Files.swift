import Foundation
import PerfGateResults

extension ABMeasurements {
    /// What one side measured in one round, as a results file (the side's run information and
    /// the round's benchmarks, ordered by id).
    func results(side: ABRevision.Side, round: Int) -> BenchmarkResults {
        let rounds = side == .base ? base : head
        var run = (side == .base ? baseRun : headRun) ?? RunInfo(id: "ab", startedAt: "", finishedAt: "", suite: "")
        run.id += "-ab-\(side.rawValue)-round\(round + 1)"
        return BenchmarkResults(
            tool: ToolInfo(name: "perfgate", version: BenchCommand.version), run: run,
            benchmarks: rounds[round].keys.sorted().compactMap { rounds[round][$0] }
        )
    }

    /// The path of one side's results of one round under a `--results-dir` folder.
    static func roundPath(folder: String, side: ABRevision.Side, round: Int) -> String {
        "\(folder)/rounds/\(side.rawValue)-\(round + 1).json"
    }

    /// Writes every round of both sides under `folder`/rounds/ (`base-1.json`, `head-1.json`, …).
    func write(toFolder folder: String) throws {
        for round in base.indices {
            for side in [ABRevision.Side.base, .head] {
                try ResultsFile.write(results(side: side, round: round), to: Self.roundPath(folder: folder, side: side, round: round))
            }
        }
    }

    /// Reads the rounds an earlier `--results-dir` wrote (for `--replay`).
    /// - Throws: `CommandError` when the folder holds no rounds, or a results error for a bad file.
    static func read(fromFolder folder: String) throws -> ABMeasurements {
        var rounds = 0
        while FileManager.default.fileExists(atPath: roundPath(folder: folder, side: .base, round: rounds)) { rounds += 1 }
        guard rounds >= 1 else {
            throw CommandError(
                "\(folder)/rounds: no base-1.json; --replay needs a folder written by bench ab --results-dir"
            )
        }
        var measurements = ABMeasurements(rounds: rounds)
        for round in 0..<rounds {
            for side in [ABRevision.Side.base, .head] {
                let results = try ResultsFile.read(path: roundPath(folder: folder, side: side, round: round))
                measurements.record(results, side: side, round: round)
            }
        }
        return measurements
    }
}
