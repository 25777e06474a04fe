import PerfGateAgents
import PerfGateResults
import PerfGateScenarios

extension CalibrateCommand {
    /// The runs of one calibration: the unmodified runs and the runs with a slowdown injected, each a
    /// whole suite run in worker processes, with instruction counts added when a counter is given.
    struct Measurement {
        var options: RunOptions
        /// The suite's plan (for the instruction counts).
        var plan: BenchmarkPlan
        /// Counts instructions of every run (its slowdown set per run), or nil.
        var instructions: InstructionCounter?
        var context: CommandContext

        /// `runs`+1 unmodified runs and `slowedRuns` runs per slowdown, interleaved (see ``schedule``).
        func all(runs: Int, slowedRuns: Int, slowdowns: [Double]) async throws -> (unmodified: [BenchmarkResults], slowed: [[BenchmarkResults]]) {
            let order = Self.schedule(unmodifiedRuns: runs + 1, slowedRuns: slowedRuns, slowdowns: slowdowns.count)
            var unmodified: [BenchmarkResults] = []
            var slowed: [[BenchmarkResults]] = slowdowns.map { _ in [] }
            for (index, condition) in order.enumerated() {
                let label = "run \(index + 1)/\(order.count)"
                if let slowdown = condition {
                    let name = "\(label): slowdown \(CalibrationReport.percent(slowdowns[slowdown]))"
                    slowed[slowdown].append(try await one(slowdown: slowdowns[slowdown], label: name))
                } else {
                    unmodified.append(try await one(slowdown: 0, label: "\(label): unmodified"))
                }
            }
            return (unmodified, slowed)
        }

        /// The order of the runs: rounds of one unmodified run then one run per slowdown, while each
        /// has runs left (nil = unmodified, k = the k-th slowdown). Interleaving spreads the machine's
        /// drift over time across the conditions instead of letting it pass for a slowdown (measured
        /// in sequence, a drift made a 2% slowdown look caught in every pair and 10% in a quarter).
        static func schedule(unmodifiedRuns: Int, slowedRuns: Int, slowdowns: Int) -> [Int?] {
            var order: [Int?] = []
            for round in 0..<max(unmodifiedRuns, slowedRuns) {
                if round < unmodifiedRuns { order.append(nil) }
                if round < slowedRuns { order += (0..<slowdowns).map { Optional($0) } }
            }
            return order
        }

        /// One run with `slowdown` injected (0: none), instructions included when counted.
        func one(slowdown: Double, label: String) async throws -> BenchmarkResults {
            var runOptions = options
            if slowdown > 0 { runOptions.injection = FaultInjection(slowdown: slowdown, extraMemory: 0) }
            var results = try await CalibrateCommand.runOnce(options: runOptions, label: label, context: context)
            if var counter = instructions {
                counter.slowdown = slowdown
                if !options.isQuiet { context.standardError.write("bench: \(label): counting instructions (valgrind)\n") }
                _ = try counter.add(to: &results, plan: plan, samples: RunCommand.instructionSamples)
            }
            return results
        }
    }
}
