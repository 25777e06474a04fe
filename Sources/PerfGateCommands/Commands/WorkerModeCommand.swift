import Foundation
import PerfGateHarness
import PerfGateScenarios

/// `bench __worker`: the hidden mode in which `bench run` re-executes itself to measure in a
/// separate process. It reads its plan on standard input and answers with protocol lines on
/// standard output (see PerfGateHarness's `WorkerRunner`).
enum WorkerModeCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["__worker"], abstract: "Internal: measure in a worker process for `bench run`.",
        options: RunOptions.declarations
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        var options = try RunOptions(arguments)
        options.filter = nil
        let plan = try SuiteRunner(options: options, context: context).makePlan()
        let settings = options.workloadSettings
        let fault = options.fault
        // Workloads block while swarms run on the cooperative pool, so the worker loop gets a
        // thread of its own instead of occupying one of the pool's.
        let error: WorkerRunnerError? = await withCheckedContinuation { continuation in
            Thread {
                do throws(WorkerRunnerError) {
                    try WorkerRunner.runWithStandardStreams { id in
                        guard let benchmark = plan.benchmark(id: id) else { return nil }
                        if let faulty = FaultyWorkload(fault: fault, benchmark: id) { return faulty }
                        return WorkloadFactory.makeWorkload(for: benchmark, settings: settings)
                    }
                    continuation.resume(returning: nil)
                } catch {
                    continuation.resume(returning: error)
                }
            }.start()
        }
        if let error { throw CommandError("worker: \(error)") }
        return .success
    }
}

/// A workload that crashes or hangs on purpose (`--inject-fault crash:ID` / `hang:ID`), so tests can
/// prove that a broken scenario is reported and the others' results are kept.
final class FaultyWorkload: Workload {
    private let hangs: Bool

    /// The faulty workload when `fault` names `benchmark`, else nil.
    init?(fault: String?, benchmark: String) {
        guard let fault else { return nil }
        if fault == "crash:\(benchmark)" {
            hangs = false
        } else if fault == "hang:\(benchmark)" {
            hangs = true
        } else {
            return nil
        }
    }

    func runBlock(sampleCount: Int) throws -> MetricSamples {
        if hangs {
            while true { sleep(60) }
        }
        // A real trap, as a bug would cause. (A raised SIGSEGV is not enough: Swift's backtracer
        // handles it and, since no instruction faulted, lets the process continue.)
        fatalError("crash injected with --inject-fault")
    }
}
