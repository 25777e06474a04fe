public import PerfGateStatistics

/// One results file (`perfgate/results@1`): a run of a suite and every benchmark's raw samples.
public struct BenchmarkResults: Sendable, Hashable {
    /// The schema identifier this version writes.
    public static let currentSchema = "perfgate/results@1"

    /// The schema identifier as read (`perfgate/results@1`, or `@1.x` from a newer minor version).
    public var schema: String
    /// The tool that wrote the file.
    public var tool: ToolInfo
    /// When, where and from what source the run was measured.
    public var run: RunInfo
    /// The benchmarks, in the order they were written; ids are unique.
    public var benchmarks: [BenchmarkResult]

    /// Creates results; no validation happens here (``ResultsFile/write(_:to:overwrite:)`` validates).
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
    /// The tool's name, `perfgate`.
    public var name: String
    /// The tool's version, for example `0.1.0`.
    public var version: String
    /// Creates tool information.
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
    /// The source revision, or nil when unknown (for example outside a git checkout).
    public var git: GitInfo?
    /// The machine and build, or nil when unknown.
    public var environment: EnvironmentInfo?
    /// Conditions that spoil measurements, recorded by the harness (debug build, high load, …).
    public var warnings: [String]
    /// The independent runs this file joins (a baseline recorded with `bench baseline record`), in
    /// order; a metric's `sampleRuns` indexes into it. Empty for a file of one run. JSON `run.runs`.
    public var parts: [RunPart]

    /// Creates run information.
    public init(
        id: String,
        startedAt: String,
        finishedAt: String,
        suite: String,
        git: GitInfo? = nil,
        environment: EnvironmentInfo? = nil,
        warnings: [String] = [],
        parts: [RunPart] = []
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.suite = suite
        self.git = git
        self.environment = environment
        self.warnings = warnings
        self.parts = parts
    }
}

/// One of the independent runs a multi-run results file joins.
public struct RunPart: Sendable, Hashable {
    /// The run's own id.
    public var id: String
    /// RFC 3339 UTC time the run started.
    public var startedAt: String
    /// The boot of the machine it ran on (`/proc/sys/kernel/random/boot_id`), when known.
    public var bootId: String?

    /// Creates a run part.
    public init(id: String, startedAt: String, bootId: String? = nil) {
        self.id = id
        self.startedAt = startedAt
        self.bootId = bootId
    }
}

/// The source revision a run measured; every field may be unknown.
public struct GitInfo: Sendable, Hashable {
    /// The full commit hash.
    public var commit: String?
    /// The branch name; nil when unknown or detached.
    public var branch: String?
    /// Whether the working tree had uncommitted changes.
    public var dirty: Bool?
    /// Creates git information.
    public init(commit: String? = nil, branch: String? = nil, dirty: Bool? = nil) {
        self.commit = commit
        self.branch = branch
        self.dirty = dirty
    }
}

/// The machine and build a run was measured on; every field may be unknown.
public struct EnvironmentInfo: Sendable, Hashable {
    /// The operating system, for example `Linux`.
    public var os: String?
    /// The kernel release, for example `6.1.0`.
    public var kernel: String?
    /// The CPU architecture, for example `x86_64`.
    public var arch: String?
    /// The CPU model name as the system reports it.
    public var cpuModel: String?
    /// Logical CPUs available to the run.
    public var logicalCores: Int?
    /// Physical memory, bytes.
    public var memoryBytes: Int?
    /// The Swift compiler version, for example `6.3.1`.
    public var swiftVersion: String?
    /// `release` or `debug`.
    public var build: String?
    /// One-minute load average just before the run.
    public var loadAverageBefore: Double?
    /// One-minute load average just after the run.
    public var loadAverageAfter: Double?
    /// Identifies the boot of the machine (Linux: `/proc/sys/kernel/random/boot_id`). Two runs with
    /// the same boot id ran on the same machine without a restart in between; wall time is only
    /// comparable between runs of one machine unless the baseline's history spans several.
    public var bootId: String?

    /// Creates environment information; every field defaults to unknown.
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
        loadAverageAfter: Double? = nil,
        bootId: String? = nil
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
        self.bootId = bootId
    }
}

/// A parameter value of a benchmark (`agents=50`, `agent=light`).
///
/// In a results file an integer literal is read as ``int(_:)`` and any other number as ``double(_:)``;
/// string values may not contain `,`, `=`, `[` or `]`, which would make ids ambiguous.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    /// An integer, written without a fraction (`50`).
    case int(Int)
    /// A number, written in Swift's shortest round-trip form (`0.5`, `50.0`).
    case double(Double)
    /// A string, written as is (`light`).
    case string(String)
    /// A Boolean, written `true` or `false`.
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
    /// Smaller values are better (latencies, bytes, error ratios).
    case lower
    /// Larger values are better (throughput).
    case higher
}

/// One benchmark: a scenario at one set of parameters, with its metrics.
public struct BenchmarkResult: Sendable, Hashable {
    /// `name` followed by the parameters in brackets, keys sorted: `coordination/contract-net[agents=50]`.
    public var id: String
    /// One or more `/`-separated parts of `[A-Za-z0-9._-]`.
    public var name: String
    /// The scenario that produced the benchmark (`coordination`, `memory`, `api`, …).
    public var scenario: String
    /// The parameters the scenario ran with; keys are `[A-Za-z0-9._-]+`.
    public var parameters: [String: ParameterValue]
    /// Metrics by name (`round_seconds`, `bytes_per_agent`, …).
    public var metrics: [String: MetricResult]

    /// Creates a benchmark; `id` should be ``makeID(name:parameters:)`` (the reader and writer check it).
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

    /// The id the contract prescribes for `name` and `parameters`: `name`, then `[key=value,…]` with keys
    /// sorted, or just `name` without parameters. Values are written as ``ParameterValue/description``.
    ///
    /// - Complexity: O(*p* log *p*) for *p* parameters.
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
    /// Whether smaller or larger values are better.
    public var better: Better
    /// Every raw observation the comparator may use, in measurement order.
    public var samples: [Double]
    /// Derived from `samples`; as read from a file it is kept as written (only its `count` is checked).
    public var summary: SampleSummary
    /// For each sample, the index of the worker process that measured it (optional): the block, the
    /// unit whose samples share a process's speed and are not independent of each other.
    public var sampleProcesses: [Int]?
    /// For each sample, the interleaved round inside its worker process (optional), from 0.
    public var sampleRounds: [Int]?
    /// For each sample, the index into `run.runs` of the run that measured it (optional; only in
    /// files that join several runs).
    public var sampleRuns: [Int]?

    /// Creates a metric.
    ///
    /// - Parameters:
    ///   - unit: The base unit.
    ///   - better: Whether smaller or larger values are better.
    ///   - samples: The raw observations; must not be empty.
    ///   - summary: The summary of `samples`; when nil it is computed with `SampleSummary(samples:)`.
    ///   - sampleProcesses: One worker-process index per sample, or nil.
    ///   - sampleRounds: One round index per sample, or nil.
    ///   - sampleRuns: One run index per sample, or nil.
    /// - Complexity: O(*n* log *n*) when the summary is computed, O(1) otherwise.
    public init(
        unit: String,
        better: Better,
        samples: [Double],
        summary: SampleSummary? = nil,
        sampleProcesses: [Int]? = nil,
        sampleRounds: [Int]? = nil,
        sampleRuns: [Int]? = nil
    ) {
        self.unit = unit
        self.better = better
        self.samples = samples
        self.summary = summary ?? SampleSummary(samples: samples)
        self.sampleProcesses = sampleProcesses
        self.sampleRounds = sampleRounds
        self.sampleRuns = sampleRuns
    }
}
