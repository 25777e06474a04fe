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

        /// `runs`+1 unmodified runs and `slowedRuns` runs per slowdown, in that order.
        func all(runs: Int, slowedRuns: Int, slowdowns: [Double]) async throws -> (unmodified: [BenchmarkResults], slowed: [[BenchmarkResults]]) {
            let total = runs + 1 + slowedRuns * slowdowns.count
            var done = 0
            var unmodified: [BenchmarkResults] = []
            for _ in 0...runs {
                done += 1
                unmodified.append(try await one(slowdown: 0, label: "run \(done)/\(total): unmodified"))
            }
            var slowed: [[BenchmarkResults]] = []
            for slowdown in slowdowns {
                var group: [BenchmarkResults] = []
                for _ in 0..<slowedRuns {
                    done += 1
                    group.append(try await one(slowdown: slowdown, label: "run \(done)/\(total): slowdown \(CalibrationReport.percent(slowdown))"))
                }
                slowed.append(group)
            }
            return (unmodified, slowed)
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
