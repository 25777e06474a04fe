/// Why a worker process, or one scenario in it, failed.
public struct WorkerFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The process that failed (index in spawn order within the run, from 0).
    public var processIndex: Int
    /// The scenario the failure is attributed to: the one whose block was running, or whose
    /// workload threw. nil when it happened outside any block (start-up, between blocks).
    public var scenario: String?
    /// What went wrong.
    public var reason: Reason
    /// The end of the worker's standard error when it was captured (at most 16 KiB), else empty.
    public var standardErrorTail: String

    /// Creates a failure.
    public init(processIndex: Int, scenario: String?, reason: Reason, standardErrorTail: String = "") {
        self.processIndex = processIndex
        self.scenario = scenario
        self.reason = reason
        self.standardErrorTail = standardErrorTail
    }

    /// What went wrong.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// The process could not be started.
        case spawnFailed(ProcessSpawnError)
        /// The process ended before writing `done` (crash, exit, or kill by someone else).
        case terminated(ProcessTermination)
        /// No protocol line for longer than the inactivity timeout; the process was killed.
        case timedOut(Duration)
        /// A line that is not the protocol, or out of order; the process was killed.
        case protocolViolation(String)
        /// The scenario's workload threw or returned bad samples (the worker itself went on).
        case scenarioFailed(String)
        /// The run was cancelled; the process was killed.
        case cancelled

        /// One line describing the reason.
        public var description: String {
            switch self {
            case .spawnFailed(let error): "could not start: \(error)"
            case .terminated(let termination): "worker ended with \(termination)"
            case .timedOut(let timeout): "no progress for \(timeout.seconds) s; killed"
            case .protocolViolation(let message): "worker broke the protocol: \(message); killed"
            case .scenarioFailed(let message): "scenario failed: \(message)"
            case .cancelled: "run cancelled; killed"
            }
        }
    }

    /// `scenario S failed in worker process N: <reason>`; run the worker command alone to debug.
    public var description: String {
        let subject = scenario.map { "scenario \($0)" } ?? "a worker"
        return "\(subject) failed in worker process \(processIndex): \(reason)"
    }
}

/// Samples of one scenario gathered from every worker process.
public struct ScenarioSamples: Sendable, Hashable {
    /// The scenario id, as given to the supervisor.
    public var scenario: String
    /// Every sample by metric name, ordered by worker slot, then by block order within a worker.
    public var metrics: MetricSamples
    /// For each metric, the process index that measured each sample (parallel to `metrics`).
    public var sampleProcesses: [String: [Int]]
    /// For each metric, the round of its process in which each sample was measured (parallel to
    /// `metrics`): the n-th block of this scenario in that process is round n − 1.
    public var sampleRounds: [String: [Int]] = [:]
    /// Blocks of this scenario appended so far, per process index.
    private var blocksByProcess: [Int: Int] = [:]
    /// The first failure attributed to this scenario; when set, later blocks of the scenario
    /// were not run and the samples (possibly none) are incomplete.
    public var failure: WorkerFailure?

    /// Creates a value.
    public init(
        scenario: String,
        metrics: MetricSamples = [:],
        sampleProcesses: [String: [Int]] = [:],
        failure: WorkerFailure? = nil
    ) {
        self.scenario = scenario
        self.metrics = metrics
        self.sampleProcesses = sampleProcesses
        self.failure = failure
    }

    /// Appends one block's samples, each tagged with `processIndex` and its round in that process.
    mutating func append(_ block: MetricSamples, processIndex: Int) {
        let round = blocksByProcess[processIndex, default: 0]
        blocksByProcess[processIndex] = round + 1
        for (name, values) in block {
            metrics[name, default: []].append(contentsOf: values)
            sampleProcesses[name, default: []].append(contentsOf: repeatElement(processIndex, count: values.count))
            sampleRounds[name, default: []].append(contentsOf: repeatElement(round, count: values.count))
        }
    }
}

/// Everything a ``WorkerSupervisor`` run gathered.
public struct WorkerRunReport: Sendable, Hashable {
    /// One entry per requested scenario, in request order.
    public var scenarios: [ScenarioSamples]
    /// Every failure, in worker slot order (also those not attributed to a scenario).
    public var failures: [WorkerFailure]
    /// Worker processes started, restarts included.
    public var processCount: Int

    /// Creates a report.
    public init(scenarios: [ScenarioSamples], failures: [WorkerFailure], processCount: Int) {
        self.scenarios = scenarios
        self.failures = failures
        self.processCount = processCount
    }
}
