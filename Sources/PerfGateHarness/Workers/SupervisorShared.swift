import Synchronization

/// What one worker slot gathered, in the order it happened.
struct SlotResult: Sendable {
    var samples: [(scenario: String, metrics: MetricSamples, processIndex: Int)] = []
    var failures: [WorkerFailure] = []
}

/// State shared by the supervisor's threads: which slot is next, which scenarios failed,
/// progress counts, and each slot's result.
final class SupervisorShared: Sendable {
    private struct State {
        var nextSlot = 0
        var nextProcessIndex = 0
        var completedBlocks = 0
        var failedScenarios: Set<String> = []
        var results: [SlotResult]
    }

    let totalBlocks: Int
    private let state: Mutex<State>

    init(slotCount: Int, totalBlocks: Int) {
        self.totalBlocks = totalBlocks
        state = Mutex(State(results: Array(repeating: SlotResult(), count: slotCount)))
    }

    /// The next slot to run, or nil when every slot has been taken.
    func takeSlot() -> Int? {
        state.withLock { state in
            guard state.nextSlot < state.results.count else { return nil }
            defer { state.nextSlot += 1 }
            return state.nextSlot
        }
    }

    func takeProcessIndex() -> Int {
        state.withLock { state in
            defer { state.nextProcessIndex += 1 }
            return state.nextProcessIndex
        }
    }

    var failedScenarios: Set<String> { state.withLock { $0.failedScenarios } }

    func markFailed(_ scenario: String) {
        _ = state.withLock { $0.failedScenarios.insert(scenario) }
    }

    /// Counts `count` more blocks as completed. - Returns: The new total.
    func complete(_ count: Int) -> Int {
        state.withLock { state in
            state.completedBlocks += count
            return state.completedBlocks
        }
    }

    func store(_ result: SlotResult, slot: Int) {
        state.withLock { $0.results[slot] = result }
    }

    /// Merges the slots' results in slot order, so the report does not depend on scheduling.
    func makeReport(scenarios: [String]) -> WorkerRunReport {
        state.withLock { state in
            var byScenario = Dictionary(uniqueKeysWithValues: scenarios.map { ($0, ScenarioSamples(scenario: $0)) })
            var failures: [WorkerFailure] = []
            for result in state.results {
                for sample in result.samples {
                    byScenario[sample.scenario]?.append(sample.metrics, processIndex: sample.processIndex)
                }
                for failure in result.failures {
                    failures.append(failure)
                    if let scenario = failure.scenario, byScenario[scenario]?.failure == nil {
                        byScenario[scenario]?.failure = failure
                    }
                }
            }
            return WorkerRunReport(
                scenarios: scenarios.compactMap { byScenario[$0] },
                failures: failures,
                processCount: state.nextProcessIndex
            )
        }
    }
}

/// Runs worker slots taken from ``SupervisorShared`` until none is left; one per supervisor thread.
struct SlotRunner: Sendable {
    let command: WorkerCommand
    let options: WorkerSupervisorOptions
    let round: [WorkerBlock]
    let shared: SupervisorShared
    let progress: @Sendable (WorkerProgress) -> Void
    let isCancelled: @Sendable () -> Bool

    func runSlots() {
        while let slot = shared.takeSlot() {
            shared.store(runSlot(slot), slot: slot)
        }
    }

    /// Runs one slot's plan, restarting a process after a failure charged to a scenario.
    private func runSlot(_ slot: Int) -> SlotResult {
        var result = SlotResult()
        var pending = WorkerPlan.interleavedBlocks(round: round, rounds: options.roundsPerWorker, slot: slot)
        var reported = 0
        defer {
            // Blocks that will not run (failed scenarios, a lost worker) count as done for progress.
            let planned = round.count * options.roundsPerWorker
            if reported < planned { _ = shared.complete(planned - reported) }
        }
        while !isCancelled() {
            let failed = shared.failedScenarios
            let blocks = pending.filter { !failed.contains($0.scenario) }
            guard !blocks.isEmpty else { break }
            let processIndex = shared.takeProcessIndex()
            let plan = WorkerPlan(processIndex: processIndex, blocks: blocks, settings: options.settings)
            let outcome = WorkerProcessRun(
                command: command,
                standardError: options.standardError,
                inactivityTimeout: options.inactivityTimeout,
                plan: plan,
                isCancelled: isCancelled,
                onBlockFinished: { block in
                    reported += 1
                    let completed = shared.complete(1)
                    progress(
                        WorkerProgress(
                            completedBlocks: completed,
                            totalBlocks: shared.totalBlocks,
                            scenario: blocks[block].scenario,
                            processIndex: processIndex
                        )
                    )
                }
            ).run()
            for (block, metrics) in outcome.session.completed {
                result.samples.append((blocks[block].scenario, metrics, processIndex))
            }
            for (block, message) in outcome.session.scenarioFailures {
                shared.markFailed(blocks[block].scenario)
                result.failures.append(
                    WorkerFailure(
                        processIndex: processIndex,
                        scenario: blocks[block].scenario,
                        reason: .scenarioFailed(message)
                    )
                )
            }
            guard let failure = outcome.failure else { break }
            result.failures.append(failure)
            guard let scenario = failure.scenario, failure.reason != .cancelled else { break }
            shared.markFailed(scenario)
            pending = Array(blocks[(outcome.session.lastBegunBlock + 1)...])
        }
        return result
    }
}
