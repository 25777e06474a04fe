import Glibc
import PerfGateHarness
import Synchronization
import Testing

/// A fake worker in POSIX sh: reads the plan, and answers each block by the protocol.
/// Scenario `crash` kills the worker with SIGSEGV mid-block, `hang` sleeps forever, `bad` reports
/// a scenario failure, `garbage` writes a non-protocol line; others report samples [index + 0.5, 2].
private let fakeWorkerScript = #"""
    read -r plan
    printf '{"event":"hello","protocol":1,"pid":%d}\n' $$
    i=0
    for s in $(printf '%s' "$plan" | grep -o '"scenario":"[^"]*"' | sed 's/.*:"//; s/"$//'); do
      printf '{"event":"begin","block":%d,"scenario":"%s"}\n' $i "$s"
      case "$s" in
        crash) echo "about to crash" >&2; kill -SEGV $$ ;;
        hang) exec sleep 1000 ;;
        bad) printf '{"event":"failed","block":%d,"scenario":"%s","message":"boom"}\n' $i "$s" ;;
        garbage) echo "hello from a stray print" ;;
        *) printf '{"event":"samples","block":%d,"scenario":"%s","metrics":{"seconds":[%d.5,2]}}\n' $i "$s" $i ;;
      esac
      i=$((i+1))
    done
    echo '{"event":"done"}'
    """#

private func makeSupervisor(workers: Int = 2, rounds: Int = 2, timeout: Duration = .seconds(30)) -> WorkerSupervisor {
    WorkerSupervisor(
        command: WorkerCommand(executable: "/bin/sh", arguments: ["-c", fakeWorkerScript]),
        options: WorkerSupervisorOptions(
            workerCount: workers,
            roundsPerWorker: rounds,
            inactivityTimeout: timeout,
            standardError: .capture
        )
    )
}

private func requests(_ ids: String...) -> [ScenarioRequest] {
    ids.map { ScenarioRequest(id: $0, samplesPerBlock: 2) }
}

/// True when this process has an exited child that nobody reaped (it reaps it to find out).
private func hasZombieChild() -> Bool {
    var status: Int32 = 0
    return waitpid(-1, &status, WNOHANG) > 0
}

@Suite(.serialized, .enabled(if: access("/bin/sh", X_OK) == 0, "needs /bin/sh for fake workers"))
struct WorkerSupervisorTests {
    @Test func validWorkersDeliverEverySampleTaggedWithItsProcess() async throws {
        let report = await makeSupervisor().run(scenarios: requests("a", "b"))
        #expect(report.failures.isEmpty)
        #expect(report.processCount == 2)
        #expect(report.scenarios.map(\.scenario) == ["a", "b"])
        for scenario in report.scenarios {
            // 2 workers × 2 rounds × 2 samples.
            let seconds = try #require(scenario.metrics["seconds"])
            #expect(seconds.count == 8)
            #expect(scenario.sampleProcesses["seconds"] == [0, 0, 0, 0, 1, 1, 1, 1])
            #expect(scenario.failure == nil)
        }
        // Worker 0 runs a b | b a: block indices 0 and 3 are a's, so its samples are 0.5, 2, 3.5, 2.
        #expect(report.scenarios[0].metrics["seconds"]?.prefix(4) == [0.5, 2, 3.5, 2])
    }

    @Test func concurrentWorkersGiveTheSameSamplesInTheSameOrder() async throws {
        var options = makeSupervisor(workers: 3).options
        let sequential = await makeSupervisor(workers: 3).run(scenarios: requests("a", "b"))
        options.maximumConcurrentWorkers = 2
        let concurrent = await WorkerSupervisor(command: makeSupervisor().command, options: options)
            .run(scenarios: requests("a", "b"))
        #expect(concurrent.failures.isEmpty)
        #expect(concurrent.processCount == 3)
        #expect(concurrent.scenarios.map(\.metrics) == sequential.scenarios.map(\.metrics))
        #expect(Set(concurrent.scenarios[0].sampleProcesses["seconds"] ?? []) == [0, 1, 2])
    }

    @Test func progressCountsEveryBlock() async {
        let seen = ProgressLog()
        _ = await makeSupervisor().run(scenarios: requests("a", "b")) { seen.append($0) }
        let events = seen.events
        #expect(events.count == 8)
        #expect(events.last?.completedBlocks == 8)
        #expect(events.allSatisfy { $0.totalBlocks == 8 })
    }

    @Test func aCrashingScenarioIsReportedAndTheOthersAreStillCollected() async throws {
        let report = await makeSupervisor().run(scenarios: requests("a", "crash", "b"))
        let crash = try #require(report.scenarios.first { $0.scenario == "crash" })
        let failure = try #require(crash.failure)
        #expect(failure.reason == .terminated(.signaled(SIGSEGV)))
        #expect(failure.standardErrorTail.contains("about to crash"))
        for name in ["a", "b"] {
            let scenario = try #require(report.scenarios.first { $0.scenario == name })
            #expect(scenario.failure == nil)
            #expect(scenario.metrics["seconds"]?.count == 8, "\(name) lost samples")
        }
        #expect(!hasZombieChild())
    }

    @Test func aHangingWorkerIsKilledAfterTheTimeoutAndReported() async throws {
        let report = await makeSupervisor(workers: 1, rounds: 1, timeout: .milliseconds(300))
            .run(scenarios: requests("a", "hang", "b"))
        let hang = try #require(report.scenarios.first { $0.scenario == "hang" })
        #expect(hang.failure?.reason == .timedOut(.milliseconds(300)))
        #expect(report.scenarios.first { $0.scenario == "a" }?.metrics["seconds"]?.count == 2)
        #expect(report.scenarios.first { $0.scenario == "b" }?.metrics["seconds"]?.count == 2)
        #expect(!hasZombieChild())
    }

    @Test func cancellingTheRunKillsTheWorkerAndReportsCancellation() async throws {
        let (blocks, continuation) = AsyncStream<WorkerProgress>.makeStream()
        let supervisor = makeSupervisor(workers: 1, rounds: 1, timeout: .seconds(600))
        let run = Task { await supervisor.run(scenarios: requests("a", "hang")) { continuation.yield($0) } }
        // Block "a" finished: the worker is now in "hang".
        for await _ in blocks { break }
        run.cancel()
        let report = await run.value
        // Charged to "hang" when its begin line was read before the cancellation, else to no scenario.
        #expect(report.failures.map(\.reason) == [.cancelled])
        #expect(report.scenarios[1].metrics.isEmpty)
        #expect(report.scenarios[0].metrics["seconds"]?.count == 2)
        #expect(!hasZombieChild())
    }

    @Test func aScenarioErrorIsReportedWithItsMessageWithoutRestartingTheWorker() async throws {
        let report = await makeSupervisor(workers: 1, rounds: 1).run(scenarios: requests("bad", "a"))
        let bad = try #require(report.scenarios.first)
        #expect(bad.failure?.reason == .scenarioFailed("boom"))
        #expect(report.processCount == 1)
        #expect(report.scenarios[1].metrics["seconds"]?.count == 2)
    }

    @Test func aLineOutsideTheProtocolKillsTheWorkerAndNamesTheScenario() async throws {
        let report = await makeSupervisor(workers: 1, rounds: 1).run(scenarios: requests("garbage", "a"))
        let garbage = try #require(report.scenarios.first)
        guard case .protocolViolation(let message)? = garbage.failure?.reason else {
            Issue.record("expected a protocol violation, got \(String(describing: garbage.failure))")
            return
        }
        #expect(message.contains("stray print"))
        #expect(report.scenarios[1].metrics["seconds"]?.count == 2)
    }

    @Test func aMissingExecutableIsASpawnFailure() async {
        let supervisor = WorkerSupervisor(
            command: WorkerCommand(executable: "/nonexistent/perfgate-worker"),
            options: WorkerSupervisorOptions(workerCount: 1, roundsPerWorker: 1)
        )
        let report = await supervisor.run(scenarios: requests("a"))
        #expect(report.failures.count == 1)
        guard case .spawnFailed(let error)? = report.failures.first?.reason else {
            Issue.record("expected a spawn failure")
            return
        }
        #expect(error.errno == ENOENT)
        #expect(report.scenarios[0].metrics.isEmpty)
    }
}

/// Collects progress events from the supervisor thread.
private final class ProgressLog: Sendable {
    private let log = Mutex<[WorkerProgress]>([])
    func append(_ event: WorkerProgress) { log.withLock { $0.append(event) } }
    var events: [WorkerProgress] { log.withLock { $0 } }
}
