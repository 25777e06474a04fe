extension BenchmarkResults {
    /// The major versions of `perfgate/results` this library reads.
    public static let understoodMajorVersions = [1]

    /// Decodes and validates a results document, reporting the first problem with its JSON path.
    ///
    /// Checks, in order: `schema` (before anything else: `perfgate/results@1`, or `@1.x`), then every field
    /// of the contract: types, required fields (`tool`, `run` with `id`/`startedAt`/`finishedAt`/`suite`,
    /// `benchmarks`; per benchmark `id`, `name`, `scenario`, `metrics`; per metric `unit`, `better`,
    /// `samples`, `summary`), finite numbers, non-empty `samples`, name charset, `id` equal to
    /// ``BenchmarkResult/makeID(name:parameters:)``, unique ids, `summary.count == samples.count`, and
    /// `sampleProcesses`, `sampleRounds` and `sampleRuns` (optional) as long as `samples`, and `run.runs`
    /// (optional) with an `id` and `startedAt` per part.
    ///
    /// Decisions (forward compatibility): fields this version does not know are ignored anywhere in a
    /// results file, so a newer minor version stays readable; `git`, `environment`, every field inside
    /// them, `run.warnings`, `parameters` (empty) and `sampleProcesses` may be absent or `null`. The stored
    /// `summary` is kept as written: only its `count` is checked against `samples` (the comparator works on
    /// the raw samples and may recompute whatever it needs).
    ///
    /// - Parameters:
    ///   - json: The parsed document.
    ///   - file: The file name to put in errors.
    /// - Throws: ``ResultsError`` naming `file`, the JSON path and a fix.
    /// - Complexity: O(*n*) in the size of the document.
    public init(json: JSONValue, file: String) throws(ResultsError) {
        do {
            self = try Self.decode(json)
        } catch {
            throw error.resultsError(file: file, defaultHint: ResultsFile.fixHint)
        }
    }

    static func decode(_ json: JSONValue) throws(DecodingFailure) -> BenchmarkResults {
        let root = try ObjectReader(json, at: .root, what: "a perfgate results document")
        let schema = try SchemaCheck.check(
            root.optional("schema"),
            at: root.path.appending("schema"),
            expected: "perfgate/results",
            understood: understoodMajorVersions,
            fileKind: "results"
        )
        let tool = try root.required("tool") { (value, path) throws(DecodingFailure) in
            let object = try ObjectReader(value, at: path)
            return ToolInfo(
                name: try object.required("name", JSONRead.string),
                version: try object.required("version", JSONRead.string)
            )
        }
        let run = try root.required("run", RunInfo.decode)
        let elements = try root.required("benchmarks", JSONRead.array)
        var benchmarks: [BenchmarkResult] = []
        benchmarks.reserveCapacity(elements.count)
        var indexByID: [String: Int] = [:]
        let benchmarksPath = root.path.appending("benchmarks")
        for (index, element) in elements.enumerated() {
            let path = benchmarksPath.appending(index)
            let benchmark = try BenchmarkResult.decode(element, at: path)
            if let first = indexByID.updateValue(index, forKey: benchmark.id) {
                throw DecodingFailure(
                    path.appending("id"),
                    "duplicate benchmark id \(JSONRead.quoted(benchmark.id)) (also at $.benchmarks[\(first)])",
                    hint:
                        "ids must be unique; remove or rename one of $.benchmarks[\(first)] and $.benchmarks[\(index)]"
                )
            }
            benchmarks.append(benchmark)
        }
        return BenchmarkResults(schema: schema, tool: tool, run: run, benchmarks: benchmarks)
    }
}

extension RunInfo {
    static func decode(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> RunInfo {
        let object = try ObjectReader(value, at: path, what: "the run")
        let git = try object.optional("git") { (value, path) throws(DecodingFailure) in
            let git = try ObjectReader(value, at: path)
            return GitInfo(
                commit: try git.optional("commit", JSONRead.string),
                branch: try git.optional("branch", JSONRead.string),
                dirty: try git.optional("dirty", JSONRead.bool)
            )
        }
        let warnings = try object.optional("warnings") { (value, path) throws(DecodingFailure) in
            var warnings: [String] = []
            for (index, element) in try JSONRead.array(value, at: path).enumerated() {
                warnings.append(try JSONRead.string(element, at: path.appending(index)))
            }
            return warnings
        }
        let parts = try object.optional("runs") { (value, path) throws(DecodingFailure) in
            var parts: [RunPart] = []
            for (index, element) in try JSONRead.array(value, at: path).enumerated() {
                let part = try ObjectReader(element, at: path.appending(index), what: "a run part")
                parts.append(
                    RunPart(
                        id: try part.required("id", JSONRead.nonEmptyString),
                        startedAt: try part.required("startedAt", JSONRead.string),
                        bootId: try part.optional("bootId", JSONRead.string)
                    )
                )
            }
            return parts
        }
        return RunInfo(
            id: try object.required("id", JSONRead.nonEmptyString),
            startedAt: try object.required("startedAt", JSONRead.string),
            finishedAt: try object.required("finishedAt", JSONRead.string),
            suite: try object.required("suite", JSONRead.nonEmptyString),
            git: git,
            environment: try object.optional("environment", EnvironmentInfo.decode),
            warnings: warnings ?? [],
            parts: parts ?? []
        )
    }
}

extension EnvironmentInfo {
    static func decode(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> EnvironmentInfo {
        let object = try ObjectReader(value, at: path, what: "the environment")
        return EnvironmentInfo(
            os: try object.optional("os", JSONRead.string),
            kernel: try object.optional("kernel", JSONRead.string),
            arch: try object.optional("arch", JSONRead.string),
            cpuModel: try object.optional("cpuModel", JSONRead.string),
            logicalCores: try object.optional("logicalCores", JSONRead.integer),
            memoryBytes: try object.optional("memoryBytes", JSONRead.integer),
            swiftVersion: try object.optional("swiftVersion", JSONRead.string),
            build: try object.optional("build", JSONRead.string),
            loadAverageBefore: try object.optional("loadAverageBefore", JSONRead.finiteNumber),
            loadAverageAfter: try object.optional("loadAverageAfter", JSONRead.finiteNumber),
            bootId: try object.optional("bootId", JSONRead.string)
        )
    }
}

/// The check of a `schema` field: `NAME@MAJOR` or `NAME@MAJOR.MINOR`, with a known name and major version.
enum SchemaCheck {
    /// Returns the schema string as found; fails on a missing, foreign or unsupported schema.
    static func check(
        _ value: JSONValue?,
        at path: JSONPath,
        expected name: String,
        understood majors: [Int],
        fileKind: String
    ) throws(DecodingFailure) -> String {
        let understood = majors.map { "\(name)@\($0)" }.joined(separator: ", ")
        guard let value else {
            throw DecodingFailure(
                JSONPath(components: path.components.dropLast()),
                "missing required field \"schema\"",
                hint: "a \(fileKind) file starts with \"schema\": \"\(understood)\""
            )
        }
        let schema = try JSONRead.string(value, at: path)
        let parts = schema.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, parts[0] != name, parts[0].hasPrefix("perfgate/") {
            throw DecodingFailure(
                path,
                "this is a \(JSONRead.quoted(schema)) file, not a \(fileKind) file (\(understood))",
                hint: "pass a \(fileKind) file here"
            )
        }
        let major = parts.count == 2 ? parts[1].split(separator: ".", omittingEmptySubsequences: false).first : nil
        guard parts.count == 2, parts[0] == name, let major, let version = Int(major), majors.contains(version)
        else {
            throw DecodingFailure(
                path,
                "unsupported schema \(JSONRead.quoted(schema)); this bench reads \(understood)",
                hint: "use a bench version that reads \(JSONRead.quoted(schema)), or re-create the file with this one"
            )
        }
        return schema
    }
}
