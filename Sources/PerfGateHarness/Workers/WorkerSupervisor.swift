import Foundation
import Synchronization

/// One scenario to measure in worker processes.
public struct ScenarioRequest: Sendable, Hashable {
    /// The scenario id the worker's lookup resolves.
    public var id: String
    /// Samples asked for in each block (the workload may return another number).
    public var samplesPerBlock: Int

    /// Creates a request.
    public init(id: String, samplesPerBlock: Int) {
        precondition(samplesPerBlock >= 1, "samplesPerBlock must be at least 1")
        self.id = id
        self.samplesPerBlock = samplesPerBlock
    }
}

/// How a ``WorkerSupervisor`` spreads blocks over processes.
public struct WorkerSupervisorOptions: Sendable, Hashable {
    /// Worker slots, each one process (plus restarts after a scenario crashed it). Default 5.
    public var workerCount: Int
    /// Blocks of every scenario each worker runs (interleaved rounds). Default 2.
    public var roundsPerWorker: Int
    /// Worker processes alive at once. Default 1: on a 2-core machine, concurrent workers slow
    /// each other down and distort timing; raise it only for scenarios that are not timed.
    public var maximumConcurrentWorkers: Int
    /// A worker that writes no protocol line for this long is killed (SIGKILL to its process
    /// group) and its current scenario reported as timed out. Default 300 s.
    public var inactivityTimeout: Duration
    /// What happens to the workers' standard error. Default `.capture` (reported with failures).
    public var standardError: StandardErrorHandling
    /// Passed to every worker in its plan (seed, suite, …).
    public var settings: [String: String]

    /// Creates options; see each property for the defaults.
    public init(
        workerCount: Int = 5,
        roundsPerWorker: Int = 2,
        maximumConcurrentWorkers: Int = 1,
        inactivityTimeout: Duration = .seconds(300),
        standardError: StandardErrorHandling = .capture,
        settings: [String: String] = [:]
    ) {
        precondition(workerCount >= 1 && roundsPerWorker >= 1 && maximumConcurrentWorkers >= 1, "counts must be ≥ 1")
        self.workerCount = workerCount
        self.roundsPerWorker = roundsPerWorker
        self.maximumConcurrentWorkers = maximumConcurrentWorkers
        self.inactivityTimeout = inactivityTimeout
        self.standardError = standardError
        self.settings = settings
    }
}

/// Progress of a supervisor run, reported after every finished block.
public struct WorkerProgress: Sendable, Hashable {
    /// Blocks finished (or dropped because their scenario failed) so far.
    public var completedBlocks: Int
    /// Blocks planned: scenarios × rounds × workers.
    public var totalBlocks: Int
    /// The scenario of the block that just finished.
    public var scenario: String
    /// The process that ran it.
    public var processIndex: Int

    /// Creates a progress value.
    public init(completedBlocks: Int, totalBlocks: Int, scenario: String, processIndex: Int) {
        self.completedBlocks = completedBlocks
        self.totalBlocks = totalBlocks
        self.scenario = scenario
        self.processIndex = processIndex
    }
}

/// Measures scenarios in separate worker processes, so that the process-to-process spread of
/// this machine shows up in the samples instead of biasing one run.
///
/// Worker slots run one after another (or up to `maximumConcurrentWorkers` at once); each slot
/// runs every scenario, interleaved in rounds (see ``WorkerPlan/interleavedBlocks(round:rounds:slot:)``).
/// Each sample is tagged with the process that measured it.
///
/// Failures are values: a worker that crashes, exits non-zero or hangs past the inactivity
/// timeout is killed (SIGKILL to its process group) and reaped, the failure is charged to the
/// scenario whose block was running, that scenario is dropped from every later plan, and the
/// slot restarts a fresh process for its remaining blocks. A failure outside any block ends
/// that slot. Other scenarios' samples are always kept.
///
/// Processes are started with posix_spawn and read with poll on a dedicated thread, never on
/// the Swift concurrency pool. The command is arbitrary: `bench` passes itself
/// (`/proc/self/exe __worker …`), tests pass `/bin/sh -c '…'`.
public struct WorkerSupervisor: Sendable {
    /// The worker command; the plan arrives on its standard input.
    public var command: WorkerCommand
    /// Distribution, timeout and standard-error handling.
    public var options: WorkerSupervisorOptions

    /// Creates a supervisor.
    public init(command: WorkerCommand, options: WorkerSupervisorOptions = WorkerSupervisorOptions()) {
        self.command = command
        self.options = options
    }

    /// Runs every scenario in worker processes and gathers the samples, on a dedicated thread.
    ///
    /// Cancelling the task kills the running workers (reported as `.cancelled` failures).
    /// - Parameters:
    ///   - scenarios: Scenario ids and block sizes; ids must be unique.
    ///   - progress: Called after each block, from the supervisor's thread.
    /// - Returns: Samples per scenario and every failure; never throws.
    /// - Complexity: workerCount × roundsPerWorker × scenarios.count blocks.
    public func run(
        scenarios: [ScenarioRequest],
        progress: @escaping @Sendable (WorkerProgress) -> Void = { _ in }
    ) async -> WorkerRunReport {
        let cancellation = CancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    continuation.resume(
                        returning: runBlocking(
                            scenarios: scenarios,
                            progress: progress,
                            isCancelled: cancellation.isSet
                        )
                    )
                }
                thread.name = "PerfGate worker supervisor"
                thread.start()
            }
        } onCancel: {
            cancellation.set()
        }
    }

    /// ``run(scenarios:progress:)`` on the calling thread, which it blocks for the whole run.
    public func runBlocking(
        scenarios: [ScenarioRequest],
        progress: @escaping @Sendable (WorkerProgress) -> Void = { _ in },
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) -> WorkerRunReport {
        precondition(Set(scenarios.map(\.id)).count == scenarios.count, "scenario ids must be unique")
        let round = scenarios.map { WorkerBlock(scenario: $0.id, sampleCount: $0.samplesPerBlock) }
        let shared = SupervisorShared(
            slotCount: options.workerCount,
            totalBlocks: round.count * options.roundsPerWorker * options.workerCount
        )
        let runner = SlotRunner(
            command: command,
            options: options,
            round: round,
            shared: shared,
            progress: progress,
            isCancelled: isCancelled
        )
        let threadCount = min(options.maximumConcurrentWorkers, options.workerCount)
        let finished = DispatchGroup()
        for _ in 1..<max(threadCount, 1) {
            finished.enter()
            let thread = Thread {
                runner.runSlots()
                finished.leave()
            }
            thread.name = "PerfGate worker supervisor"
            thread.start()
        }
        runner.runSlots()
        finished.wait()
        return shared.makeReport(scenarios: scenarios.map(\.id))
    }
}

/// A flag set once from a cancellation handler and read by the supervisor thread.
private final class CancellationFlag: Sendable {
    private let flag = Mutex(false)

    func set() { flag.withLock { $0 = true } }

    @Sendable func isSet() -> Bool { flag.withLock { $0 } }
}
