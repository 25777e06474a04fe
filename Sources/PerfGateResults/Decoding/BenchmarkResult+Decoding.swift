import PerfGateStatistics

extension BenchmarkResult {
    /// Whether `name` is a valid benchmark name: one or more `/`-separated parts of `[A-Za-z0-9._-]`.
    ///
    /// - Complexity: O(*n*) in the length of `name`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(isValidPart)
    }

    /// Whether `key` is a valid parameter or metric name: one or more of `[A-Za-z0-9._-]`.
    ///
    /// - Complexity: O(*n*) in the length of `key`.
    public static func isValidKey(_ key: String) -> Bool {
        isValidPart(Substring(key))
    }

    /// Whether a string parameter value can appear in an id: no `,`, `=`, `[`, `]` and no control characters.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public static func isValidParameterText(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || ",=[]".unicodeScalars.contains(scalar)
        }
    }

    private static func isValidPart(_ part: Substring) -> Bool {
        !part.isEmpty
            && part.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
    }

    static func decode(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> BenchmarkResult {
        let object = try ObjectReader(value, at: path, what: "a benchmark")
        let name = try object.required("name", JSONRead.string)
        guard isValidName(name) else {
            throw DecodingFailure(
                path.appending("name"),
                "invalid benchmark name \(JSONRead.quoted(name))",
                hint: "a name is one or more '/'-separated parts of letters, digits, '.', '_' and '-'"
            )
        }
        let parameters = try object.optional("parameters", decodeParameters) ?? [:]
        let id = try object.required("id", JSONRead.string)
        let expectedID = makeID(name: name, parameters: parameters)
        guard id == expectedID else {
            throw DecodingFailure(
                path.appending("id"),
                "id \(JSONRead.quoted(id)) does not match name and parameters",
                hint: "the id must be \"\(expectedID)\" (name, then parameters in brackets, keys sorted)"
            )
        }
        return BenchmarkResult(
            id: id,
            name: name,
            scenario: try object.required("scenario", JSONRead.nonEmptyString),
            parameters: parameters,
            metrics: try object.required("metrics", decodeMetrics)
        )
    }

    private static func decodeMetrics(
        _ value: JSONValue,
        at path: JSONPath
    ) throws(DecodingFailure) -> [String: MetricResult] {
        let object = try ObjectReader(value, at: path, what: "metrics by name")
        var metrics: [String: MetricResult] = [:]
        metrics.reserveCapacity(object.members.count)
        for (metricName, metricValue) in object.members {
            let metricPath = path.appending(metricName)
            guard isValidKey(metricName) else {
                throw DecodingFailure(
                    metricPath,
                    "invalid metric name \(JSONRead.quoted(metricName))",
                    hint: "a metric name is letters, digits, '.', '_' and '-'"
                )
            }
            metrics[metricName] = try MetricResult.decode(metricValue, at: metricPath)
        }
        return metrics
    }

    private static func decodeParameters(
        _ value: JSONValue,
        at path: JSONPath
    ) throws(DecodingFailure) -> [String: ParameterValue] {
        let object = try ObjectReader(value, at: path, what: "parameters by name")
        var parameters: [String: ParameterValue] = [:]
        for (key, value) in object.members {
            guard isValidKey(key) else {
                throw DecodingFailure(
                    path.appending(key),
                    "invalid parameter name \(JSONRead.quoted(key))",
                    hint: "a parameter name is letters, digits, '.', '_' and '-'"
                )
            }
            switch value {
            case .integer(let integer): parameters[key] = .int(integer)
            case .number(let number) where number.isFinite: parameters[key] = .double(number)
            case .bool(let flag): parameters[key] = .bool(flag)
            case .string(let text) where isValidParameterText(text):
                parameters[key] = .string(text)
            case .string:
                throw DecodingFailure(
                    path.appending(key),
                    "parameter value \(value.briefDescription) contains ',', '=', '[', ']' or a control character",
                    hint: "those characters would make the benchmark id ambiguous; choose another value"
                )
            default:
                throw JSONRead.typeMismatch("a number, a string or true/false", value, at: path.appending(key))
            }
        }
        return parameters
    }
}

extension MetricResult {
    static func decode(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> MetricResult {
        let object = try ObjectReader(value, at: path, what: "a metric")
        let unit = try object.required("unit", JSONRead.nonEmptyString)
        let better = try object.required("better") { (value, path) throws(DecodingFailure) in
            try JSONRead.enumeration(Better.self, value, at: path)
        }
        let samples = try object.required("samples", decodeSamples)
        let summary = try object.required("summary", SampleSummary.decode)
        guard summary.count == samples.count else {
            throw DecodingFailure(
                path.appending("summary").appending("count"),
                "summary.count is \(summary.count) but samples holds \(samples.count) values",
                hint: "the summary must be computed from exactly these samples; recompute it"
            )
        }
        let processes = try object.optional("sampleProcesses") { (value, path) throws(DecodingFailure) in
            try decodeSampleLabels(value, at: path, field: "sampleProcesses", what: "process index", count: samples.count)
        }
        let rounds = try object.optional("sampleRounds") { (value, path) throws(DecodingFailure) in
            try decodeSampleLabels(value, at: path, field: "sampleRounds", what: "round index", count: samples.count)
        }
        let runs = try object.optional("sampleRuns") { (value, path) throws(DecodingFailure) in
            try decodeSampleLabels(value, at: path, field: "sampleRuns", what: "run index", count: samples.count)
        }
        return MetricResult(
            unit: unit, better: better, samples: samples, summary: summary, sampleProcesses: processes,
            sampleRounds: rounds, sampleRuns: runs
        )
    }

    /// One non-negative integer label per sample (`sampleProcesses`, `sampleRounds`, `sampleRuns`).
    private static func decodeSampleLabels(
        _ value: JSONValue, at path: JSONPath, field: String, what: String, count: Int
    ) throws(DecodingFailure) -> [Int] {
        let elements = try JSONRead.array(value, at: path)
        guard elements.count == count else {
            throw DecodingFailure(
                path,
                "\(field) holds \(elements.count) values but samples holds \(count)",
                hint: "give one \(what) per sample, or drop \(field)"
            )
        }
        var labels: [Int] = []
        labels.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let label = try JSONRead.integer(element, at: path.appending(index))
            guard label >= 0 else {
                throw DecodingFailure(path.appending(index), "expected a \(what) ≥ 0, found \(label)")
            }
            labels.append(label)
        }
        return labels
    }

    private static func decodeSamples(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> [Double] {
        let elements = try JSONRead.array(value, at: path)
        guard !elements.isEmpty else {
            throw DecodingFailure(
                path,
                "samples is empty",
                hint: "a metric needs at least one sample; re-run the benchmark"
            )
        }
        var samples: [Double] = []
        samples.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            switch element {
            case .number(let number) where number.isFinite: samples.append(number)
            case .integer(let integer): samples.append(Double(integer))
            default: throw JSONRead.typeMismatch("a finite number", element, at: path.appending(index))
            }
        }
        return samples
    }
}

extension SampleSummary {
    static func decode(_ value: JSONValue, at path: JSONPath) throws(DecodingFailure) -> SampleSummary {
        let object = try ObjectReader(value, at: path, what: "a summary")
        let count = try object.required("count", JSONRead.integer)
        guard count > 0 else {
            throw DecodingFailure(path.appending("count"), "expected a count ≥ 1, found \(count)")
        }
        return SampleSummary(
            count: count,
            min: try object.required("min", JSONRead.finiteNumber),
            p50: try object.required("p50", JSONRead.finiteNumber),
            p90: try object.required("p90", JSONRead.finiteNumber),
            p95: try object.required("p95", JSONRead.finiteNumber),
            p99: try object.required("p99", JSONRead.finiteNumber),
            max: try object.required("max", JSONRead.finiteNumber),
            mean: try object.required("mean", JSONRead.finiteNumber),
            stddev: try object.required("stddev", JSONRead.finiteNumber)
        )
    }
}
