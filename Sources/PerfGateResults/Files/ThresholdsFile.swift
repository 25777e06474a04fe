/// Reading and writing thresholds files (`perfgate/thresholds@1`) on disk.
///
/// ```swift
/// let thresholds = try ThresholdsFile.read(path: "Benchmarks/thresholds.json")
/// let limits = thresholds.limits(forBenchmark: "api/get[clients=8]", metric: "latency_seconds")
/// ```
///
/// Every failure is a ``ResultsError`` whose description names the file as given, the JSON path of the
/// first problem when there is one, and what would fix it.
public enum ThresholdsFile {
    /// The default location of the project's thresholds file, relative to the package root.
    public static let defaultPath = "Benchmarks/thresholds.json"

    /// Generic advice for a thresholds file that fails validation.
    static let fixHint = "fix the thresholds file (its fields are documented in the README's thresholds table)"

    /// Reads, parses and validates the thresholds file at `path`.
    ///
    /// - Returns: The validated thresholds; see ``Thresholds/init(json:file:)`` for what is checked.
    /// - Throws: ``ResultsError`` for a missing path, a directory, an unreadable or empty file, invalid UTF-8,
    ///   invalid or truncated JSON, and every validation failure.
    /// - Complexity: O(*n*) in the file size.
    public static func read(path: String) throws(ResultsError) -> Thresholds {
        let bytes = try FileContents.read(path: path, kind: "thresholds")
        return try decode(bytes, file: path)
    }

    /// Parses and validates thresholds held in memory (`file` only names them in errors).
    ///
    /// - Throws: ``ResultsError`` as ``read(path:)`` does.
    /// - Complexity: O(*n*) in the size of `bytes`.
    public static func decode(_ bytes: some Collection<UInt8>, file: String) throws(ResultsError) -> Thresholds {
        let json = try FileContents.parse(bytes, file: file, kind: "thresholds", hint: fixHint)
        return try Thresholds(json: json, file: file)
    }

    /// The thresholds as pretty JSON text (2-space indent) ending with a newline.
    ///
    /// - Throws: ``ResultsError`` if the thresholds would not pass ``decode(_:file:)``.
    /// - Complexity: O(*r*) in the number of rules.
    public static func encode(_ thresholds: Thresholds, file: String = "thresholds") throws(ResultsError) -> [UInt8] {
        let json = thresholds.jsonValue
        // Validate what we are about to write, so that we never write a file we would refuse to read.
        _ = try Thresholds(json: json, file: file)
        return json.serializedBytes(pretty: true) + [UInt8(ascii: "\n")]
    }

    /// Writes `thresholds` to `path` atomically; see ``ResultsFile/write(_:to:overwrite:)``.
    ///
    /// - Throws: ``ResultsError`` naming `path` and the step that failed.
    public static func write(_ thresholds: Thresholds, to path: String, overwrite: Bool = true) throws(ResultsError) {
        let bytes = try encode(thresholds, file: path)
        try AtomicFile.write(bytes, to: path, overwrite: overwrite)
    }
}
