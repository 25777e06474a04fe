import Foundation
import PerfGateResults

/// Runs the interleaved measurements of `bench ab`: for every block of `ABSchedule`, one
/// `bench run` of the side's executable for one benchmark, and collects what each block measured.
///
/// Each block is a child `bench run --filter ID --samples N --output FILE --quiet` (the contract's
/// command line, which every revision understands), run in the current folder so that both sides
/// measure the same scenario catalog. Blocking: run it on a thread of its own.
struct ABRunner {
    /// The executables and the revisions they were built from.
    var base: (revision: ABRevision, executable: String)
    var head: (revision: ABRevision, executable: String)
    /// Arguments of `bench run` common to both sides (suite, seed, samples, scenario folder).
    var commonArguments: [String]
    /// Arguments for the head side only (`--inject-slowdown`, to measure what the gate detects).
    var headOnlyArguments: [String]
    /// Receives one progress line per round.
    var log: @Sendable (String) -> Void

    /// Measures `benchmarks` in `rounds` interleaved rounds.
    /// - Throws: `CommandError` naming the side when a child `bench run` fails or writes no results.
    func measure(benchmarks: [String], rounds: Int) throws -> ABMeasurements {
        var measurements = ABMeasurements(rounds: rounds)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-ab-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let started = Date()
        var round = 0
        for block in ABSchedule.blocks(rounds: rounds, benchmarks: benchmarks) {
            if block.round != round {
                log("round \(round + 1)/\(rounds) done (\(Int(Date().timeIntervalSince(started))) s)")
                round = block.round
            }
            let results = try run(block, resultsPath: "\(folder)/\(block.side.rawValue)-\(block.round).json")
            measurements.record(results, side: block.side, round: block.round)
        }
        log("round \(rounds)/\(rounds) done (\(Int(Date().timeIntervalSince(started))) s)")
        return measurements
    }

    private func run(_ block: ABSchedule.Block, resultsPath: String) throws -> BenchmarkResults {
        let side = block.side == .base ? base : head
        var arguments = [side.executable, "run", "--filter", block.benchmark, "--output", resultsPath, "--quiet"]
        arguments += commonArguments
        if block.side == .head { arguments += headOnlyArguments }
        let result = try ABProcess.run(arguments)
        let place = "\(side.revision.label): bench run --filter \(block.benchmark) (round \(block.round + 1))"
        guard result.status == 0 else {
            throw CommandError("\(place) failed with status \(result.status): \(result.explanation)")
        }
        var results: BenchmarkResults
        do {
            results = try ResultsFile.read(path: resultsPath)
        } catch {
            throw CommandError("\(place) wrote no readable results: \(BenchCommand.oneLine(error))")
        }
        // Both sides run in the head's checkout, so a child's own git capture names the head.
        if let commit = side.revision.commit { results.run.git = GitInfo(commit: commit, branch: nil, dirty: false) }
        return results
    }
}
