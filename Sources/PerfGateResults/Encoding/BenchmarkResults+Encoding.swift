public import PerfGateStatistics

extension BenchmarkResults {
    /// The results as a JSON document in the contract's order: `schema`, `tool`, `run`, `benchmarks`.
    ///
    /// Benchmarks keep their order; parameters and metrics are sorted by name; absent optional fields
    /// (`git`, unknown environment fields, empty `run.warnings`, `sampleProcesses`) are left out. No
    /// validation happens here: use ``ResultsFile/encode(_:file:)`` or ``ResultsFile/write(_:to:overwrite:)``
    /// to refuse results the reader would reject.
    ///
    /// - Complexity: O(*n*) in the number of samples.
    public var jsonValue: JSONValue {
        .object([
            ("schema", .string(schema)),
            ("tool", .object([("name", .string(tool.name)), ("version", .string(tool.version))])),
            ("run", run.jsonValue),
            ("benchmarks", .array(benchmarks.map(\.jsonValue))),
        ])
    }
}

extension RunInfo {
    /// The run as a JSON object: `id`, `startedAt`, `finishedAt`, `suite`, then `git`, `environment` and
    /// `warnings` when present.
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id)), ("startedAt", .string(startedAt)), ("finishedAt", .string(finishedAt)),
            ("suite", .string(suite)),
        ]
        if let git {
            var gitMembers: [(key: String, value: JSONValue)] = []
            if let commit = git.commit { gitMembers.append(("commit", .string(commit))) }
            if let branch = git.branch { gitMembers.append(("branch", .string(branch))) }
            if let dirty = git.dirty { gitMembers.append(("dirty", .bool(dirty))) }
            members.append(("git", .object(gitMembers)))
        }
        if let environment { members.append(("environment", environment.jsonValue)) }
        if !warnings.isEmpty { members.append(("warnings", .array(warnings.map(JSONValue.string)))) }
        if !parts.isEmpty { members.append(("runs", .array(parts.map(\.jsonValue)))) }
        return .object(members)
    }
}

extension RunPart {
    /// The part as a JSON object: `id`, `startedAt`, and `bootId` when known.
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("id", .string(id)), ("startedAt", .string(startedAt))]
        if let bootId { members.append(("bootId", .string(bootId))) }
        return .object(members)
    }
}

extension EnvironmentInfo {
    /// The environment as a JSON object, in the contract's order, known fields only.
    public var jsonValue: JSONValue {
        let fields: [(String, JSONValue?)] = [
            ("os", os.map(JSONValue.string)), ("kernel", kernel.map(JSONValue.string)),
            ("arch", arch.map(JSONValue.string)), ("cpuModel", cpuModel.map(JSONValue.string)),
            ("logicalCores", logicalCores.map(JSONValue.integer)), ("memoryBytes", memoryBytes.map(JSONValue.integer)),
            ("swiftVersion", swiftVersion.map(JSONValue.string)), ("build", build.map(JSONValue.string)),
            ("loadAverageBefore", loadAverageBefore.map(JSONValue.number)),
            ("loadAverageAfter", loadAverageAfter.map(JSONValue.number)),
            ("bootId", bootId.map(JSONValue.string)),
        ]
        return .object(fields.compactMap { key, value in value.map { (key, $0) } })
    }
}

extension ParameterValue {
    /// The value as JSON: an integer, a number, a string or a Boolean.
    public var jsonValue: JSONValue {
        switch self {
        case .int(let value): .integer(value)
        case .double(let value): .number(value)
        case .string(let value): .string(value)
        case .bool(let value): .bool(value)
        }
    }
}

extension BenchmarkResult {
    /// The benchmark as a JSON object: `id`, `name`, `scenario`, `parameters` (sorted), `metrics` (sorted).
    ///
    /// - Complexity: O(*n* + *m* log *m*) for *n* samples and *m* metrics.
    public var jsonValue: JSONValue {
        .object([
            ("id", .string(id)), ("name", .string(name)), ("scenario", .string(scenario)),
            ("parameters", .object(parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value.jsonValue) })),
            ("metrics", .object(metrics.sorted { $0.key < $1.key }.map { ($0.key, $0.value.jsonValue) })),
        ])
    }
}

extension MetricResult {
    /// The metric as a JSON object: `unit`, `better`, `samples`, `summary`, then the optional
    /// `sampleProcesses`, `sampleRounds`, `sampleRuns` and the derived `noise` (variance components,
    /// written for readers; never read back) when the samples carry their blocks.
    ///
    /// - Complexity: O(*n*) in the number of samples.
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("unit", .string(unit)), ("better", .string(better.rawValue)),
            ("samples", .array(samples.map(JSONValue.number))), ("summary", summary.jsonValue),
        ]
        if let sampleProcesses { members.append(("sampleProcesses", .array(sampleProcesses.map(JSONValue.integer)))) }
        if let sampleRounds { members.append(("sampleRounds", .array(sampleRounds.map(JSONValue.integer)))) }
        if let sampleRuns { members.append(("sampleRuns", .array(sampleRuns.map(JSONValue.integer)))) }
        if let noise = varianceComponents { members.append(("noise", noise.jsonValue)) }
        return .object(members)
    }
}

extension SampleSummary {
    /// The summary as a JSON object: `count`, `min`, `p50`, `p90`, `p95`, `p99`, `max`, `mean`, `stddev`.
    public var jsonValue: JSONValue {
        .object([
            ("count", .integer(count)), ("min", .number(min)), ("p50", .number(p50)), ("p90", .number(p90)),
            ("p95", .number(p95)), ("p99", .number(p99)), ("max", .number(max)), ("mean", .number(mean)),
            ("stddev", .number(stddev)),
        ])
    }
}

extension MetricResult {
    /// The metric's variance components (within a block, between blocks, between runs), or nil
    /// when the samples do not say which worker process measured them.
    public var varianceComponents: VarianceComponents? {
        guard let sampleProcesses else { return nil }
        return VarianceComponents.estimate(values: samples, blocks: sampleProcesses, runs: sampleRuns)
    }
}

extension VarianceComponents {
    /// `{"scale": "log"|"linear", "withinBlock": …, "betweenBlocks": …, "betweenRuns": …}`: standard
    /// deviations (on the log scale, about relative ones); a level that cannot be estimated is left out.
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("scale", .string(isLogScale ? "log" : "linear")), ("withinBlock", .number(withinBlock)),
        ]
        if let betweenBlocks { members.append(("betweenBlocks", .number(betweenBlocks))) }
        if let betweenRuns { members.append(("betweenRuns", .number(betweenRuns))) }
        return .object(members)
    }
}
