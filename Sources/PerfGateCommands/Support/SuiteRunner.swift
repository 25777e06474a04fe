import Foundation
import PerfGateHarness
import PerfGateResults
import PerfGateScenarios

/// Runs a suite in worker processes and assembles the results file: the work of `bench run`.
struct SuiteRunner {
    var options: RunOptions
    var context: CommandContext

    /// What a suite run produced: the results, and the benchmarks that failed.
    struct Outcome {
        var results: BenchmarkResults
        var failures: [WorkerFailure]
    }

    /// The plan for these options, or a usage error when nothing matches.
    func makePlan() throws -> BenchmarkPlan {
        let scenarios = try ScenarioCatalog.load(folder: options.scenarioFolder)
        let plan = BenchmarkPlan(
            scenarios: scenarios, suite: options.suite.name, agentCounts: options.agentCounts, filter: options.filter
        )
        if let file = options.apiRequestsFile { _ = try APIRequestFile.read(path: file) }
        guard !plan.benchmarks.isEmpty else {
            let filter = options.filter.map { " matches --filter \"\($0)\"" } ?? " is in this suite"
            throw CommandError("no benchmark\(filter); `bench list` shows the benchmarks of each suite")
        }
        return plan
    }

    /// Runs every planned benchmark, interleaved across worker processes, and assembles the results.
    func run(plan: BenchmarkPlan) async -> Outcome {
        let startedAt = RunIdentifier.currentSecondsSinceEpoch()
        var environment = EnvironmentCapture.current()
        let git = GitCapture.current()
        let supervisor = WorkerSupervisor(
            command: WorkerCommand(executable: context.executablePath, arguments: options.workerArguments),
            options: WorkerSupervisorOptions(
                workerCount: options.suite.workerCount, roundsPerWorker: options.suite.roundsPerWorker,
                inactivityTimeout: .seconds(options.workerTimeoutSeconds)
            )
        )
        let progress = makeProgress()
        let report = await supervisor.run(scenarios: requests(for: plan)) { update in
            progress.update(completed: update.completedBlocks, total: update.totalBlocks, label: update.scenario)
        }
        progress.finish()
        environment.loadAverageAfter = EnvironmentCapture.loadAverage()
        let benchmarks = ResultsAssembler.assemble(
            plan: plan, report: report, logicalCores: environment.logicalCores ?? 1
        )
        let finishedAt = RunIdentifier.currentSecondsSinceEpoch()
        let run = RunInfo(
            id: RunIdentifier.make(secondsSinceEpoch: startedAt, commit: git?.commit),
            startedAt: RunIdentifier.rfc3339(secondsSinceEpoch: startedAt),
            finishedAt: RunIdentifier.rfc3339(secondsSinceEpoch: finishedAt),
            suite: options.suite.name, git: git, environment: environment,
            warnings: MeasurementWarnings.environmentWarnings(environment)
                + MeasurementWarnings.variationWarnings(benchmarks)
                + injectionWarnings
        )
        let results = BenchmarkResults(
            tool: ToolInfo(name: "perfgate", version: BenchCommand.version), run: run, benchmarks: benchmarks
        )
        return Outcome(results: results, failures: report.failures + missingSamples(plan: plan, report: report))
    }

    /// Benchmarks that produced no samples although no worker reported a failure for them, as failures.
    private func missingSamples(plan: BenchmarkPlan, report: WorkerRunReport) -> [WorkerFailure] {
        let failed = Set(report.failures.compactMap(\.scenario))
        return report.scenarios.compactMap { scenario in
            guard !failed.contains(scenario.scenario), scenario.metrics.values.allSatisfy(\.isEmpty) else { return nil }
            return WorkerFailure(processIndex: -1, scenario: scenario.scenario, reason: .scenarioFailed("it produced no samples"))
        }
    }

    /// One request per benchmark; blocks sized so the suite's sample count (or `--samples`) is reached.
    private func requests(for plan: BenchmarkPlan) -> [ScenarioRequest] {
        let blocks = options.suite.workerCount * options.suite.roundsPerWorker
        return plan.benchmarks.map { benchmark in
            let perBlock: Int
            if let samples = options.samples {
                perBlock = (samples + blocks - 1) / blocks
            } else if benchmark.definition.kind == .memory {
                perBlock = options.suite.memorySamplesPerBlock
            } else {
                perBlock = options.suite.timingSamplesPerBlock
            }
            return ScenarioRequest(id: benchmark.id, samplesPerBlock: perBlock)
        }
    }

    private var injectionWarnings: [String] {
        var warnings: [String] = []
        if options.injection.slowdown > 0 {
            warnings.append("a slowdown of \(options.injection.slowdown) was injected on purpose (--inject-slowdown)")
        }
        if options.injection.extraMemory > 0 {
            warnings.append("extra memory of \(options.injection.extraMemory) was injected on purpose (--inject-memory)")
        }
        return warnings
    }

    private func makeProgress() -> ProgressReporter {
        let output = context.standardError
        return ProgressReporter(isEnabled: !options.isQuiet, isTerminal: output.isTerminal) { output.write($0) }
    }
}
