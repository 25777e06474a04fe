public import PerfGateStatistics

/// One results file (`perfgate/results@1`): a run of a suite and every benchmark's raw samples.
public struct BenchmarkResults: Sendable, Hashable {
    /// The schema identifier this version writes.
    public static let currentSchema = "perfgate/results@1"

    public var schema: String
    public var tool: ToolInfo
    public var run: RunInfo
    /// The benchmarks, in the order they were written; ids are unique.
    public var benchmarks: [BenchmarkResult]

    public init(
        schema: String = BenchmarkResults.currentSchema,
        tool: ToolInfo,
        run: RunInfo,
        benchmarks: [BenchmarkResult]
    ) {
        self.schema = schema
        self.tool = tool
        self.run = run
        self.benchmarks = benchmarks
    }
}

/// The tool that wrote a results file.
public struct ToolInfo: Sendable, Hashable {
    public var name: String
    public var version: String
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

/// When, where and from what source a run was measured.
public struct RunInfo: Sendable, Hashable {
    /// The run id, for example `20261129T012345Z-1a2b3c4`.
    public var id: String
    /// RFC 3339 UTC time the run started.
    public var startedAt: String
    /// RFC 3339 UTC time the run finished.
    public var finishedAt: String
    /// The suite name (`quick`, `default`, `full`, or a user's).
    public var suite: String
    public var git: GitInfo?
    public var environment: EnvironmentInfo?
    /// Conditions that spoil measurements, recorded by the harness (debug build, high load, …).
    public var warnings: [String]

    public init(
        id: String,
        startedAt: String,
        finishedAt: String,
        suite: String,
        git: GitInfo? = nil,
        environment: EnvironmentInfo? = nil,
        warnings: [String] = []
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.suite = suite
        self.git = git
        self.environment = environment
        self.warnings = warnings
    }
}

/// The source revision a run measured; every field may be unknown.
public struct GitInfo: Sendable, Hashable {
    public var commit: String?
    public var branch: String?
    public var dirty: Bool?
    public init(commit: String? = nil, branch: String? = nil, dirty: Bool? = nil) {
        self.commit = commit
        self.branch = branch
        self.dirty = dirty
    }
}

/// The machine and build a run was measured on; every field may be unknown.
public struct EnvironmentInfo: Sendable, Hashable {
    public var os: String?
    public var kernel: String?
    public var arch: String?
    public var cpuModel: String?
    public var logicalCores: Int?
    /// Physical memory, bytes.
    public var memoryBytes: Int?
    public var swiftVersion: String?
    /// `release` or `debug`.
    public var build: String?
    /// One-minute load average just before the run.
    public var loadAverageBefore: Double?
    /// One-minute load average just after the run.
    public var loadAverageAfter: Double?

    public init(
        os: String? = nil,
        kernel: String? = nil,
        arch: String? = nil,
        cpuModel: String? = nil,
        logicalCores: Int? = nil,
        memoryBytes: Int? = nil,
        swiftVersion: String? = nil,
        build: String? = nil,
        loadAverageBefore: Double? = nil,
        loadAverageAfter: Double? = nil
    ) {
        self.os = os
        self.kernel = kernel
        self.arch = arch
        self.cpuModel = cpuModel
        self.logicalCores = logicalCores
        self.memoryBytes = memoryBytes
        self.swiftVersion = swiftVersion
        self.build = build
        self.loadAverageBefore = loadAverageBefore
        self.loadAverageAfter = loadAverageAfter
    }
}

/// A parameter value of a benchmark (`agents=50`, `agent=light`).
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)

    /// The value as written in a benchmark id.
    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .string(let value): value
        case .bool(let value): String(value)
        }
    }
}

/// Whether smaller or larger values of a metric are better.
public enum Better: String, Sendable, Hashable, CaseIterable {
    case lower
    case higher
}

/// One benchmark: a scenario at one set of parameters, with its metrics.
public struct BenchmarkResult: Sendable, Hashable {
    /// `name` followed by the parameters in brackets, keys sorted: `coordination/contract-net[agents=50]`.
    public var id: String
    /// One or more `/`-separated parts of `[A-Za-z0-9._-]`.
    public var name: String
    public var scenario: String
    public var parameters: [String: ParameterValue]
    /// Metrics by name (`round_seconds`, `bytes_per_agent`, …).
    public var metrics: [String: MetricResult]

    public init(
        id: String,
        name: String,
        scenario: String,
        parameters: [String: ParameterValue],
        metrics: [String: MetricResult]
    ) {
        self.id = id
        self.name = name
        self.scenario = scenario
        self.parameters = parameters
        self.metrics = metrics
    }

    /// The id the contract prescribes for `name` and `parameters`.
    public static func makeID(name: String, parameters: [String: ParameterValue]) -> String {
        guard !parameters.isEmpty else { return name }
        let pairs = parameters.keys.sorted().map { "\($0)=\(parameters[$0]!)" }
        return "\(name)[\(pairs.joined(separator: ","))]"
    }
}

/// One metric of a benchmark: its raw samples and their summary.
public struct MetricResult: Sendable, Hashable {
    /// Base unit: `seconds`, `bytes`, `count`, `ratio`, `per_second`, …
    public var unit: String
    public var better: Better
    /// Every raw observation the comparator may use, in measurement order.
    public var samples: [Double]
    /// Derived from `samples`.
    public var summary: SampleSummary
    /// For each sample, the index of the worker process that measured it (optional).
    public var sampleProcesses: [Int]?

    public init(
        unit: String,
        better: Better,
        samples: [Double],
        summary: SampleSummary? = nil,
        sampleProcesses: [Int]? = nil
    ) {
        self.unit = unit
        self.better = better
        self.samples = samples
        self.summary = summary ?? SampleSummary(samples: samples)
        self.sampleProcesses = sampleProcesses
    }
}
