/// Reading and writing results files (`perfgate/results@1`) on disk.
///
/// ```swift
/// let baseline = try ResultsFile.read(path: "baselines/default.json")
/// try ResultsFile.write(candidate, to: ".bench/results/run.json")
/// ```
///
/// Every failure is a ``ResultsError`` whose description names the file as given, the JSON path of the
/// first problem when there is one, and what would fix it.
public enum ResultsFile {
    /// Generic advice for a results file that fails validation.
    static let fixHint = "fix the file or re-create it with `bench run`"

    /// Reads, parses and validates the results file at `path`.
    ///
    /// - Parameter path: The file; relative paths are relative to the working directory.
    /// - Returns: The validated results; see ``BenchmarkResults/init(json:file:)`` for what is checked.
    /// - Throws: ``ResultsError`` for a missing path, a directory, an unreadable or empty file, invalid UTF-8,
    ///   invalid or truncated JSON, and every validation failure.
    /// - Complexity: O(*n*) in the file size.
    public static func read(path: String) throws(ResultsError) -> BenchmarkResults {
        let bytes = try FileContents.read(path: path, kind: "results")
        return try decode(bytes, file: path)
    }

    /// Parses and validates results held in memory (`file` only names them in errors).
    ///
    /// - Throws: ``ResultsError`` as ``read(path:)`` does.
    /// - Complexity: O(*n*) in the size of `bytes`.
    public static func decode(_ bytes: some Collection<UInt8>, file: String) throws(ResultsError) -> BenchmarkResults {
        let json = try FileContents.parse(bytes, file: file, kind: "results", hint: fixHint)
        return try BenchmarkResults(json: json, file: file)
    }

    /// The results as pretty JSON text (2-space indent, sample arrays on one line) ending with a newline.
    ///
    /// - Throws: ``ResultsError`` if the results would not pass ``decode(_:file:)`` (non-finite numbers,
    ///   empty samples, wrong ids, …); nothing is produced then.
    /// - Complexity: O(*n*) in the size of the output.
    public static func encode(_ results: BenchmarkResults, file: String = "results") throws(ResultsError) -> [UInt8] {
        let json = results.jsonValue
        // Validate what we are about to write, so that we never write a file we would refuse to read.
        _ = try BenchmarkResults(json: json, file: file)
        return json.serializedBytes(pretty: true) + [UInt8(ascii: "\n")]
    }

    /// Writes `results` to `path` atomically (temporary file in the same folder, `fsync`, rename).
    ///
    /// Missing parent folders are created. An interrupted write leaves the old file (or none), never a part.
    ///
    /// - Parameters:
    ///   - results: What to write; it must pass validation (see ``encode(_:file:)``).
    ///   - path: The destination.
    ///   - overwrite: Whether an existing file at `path` may be replaced; with `false` an existing file
    ///     makes this throw and is left untouched.
    /// - Throws: ``ResultsError`` naming `path` and the step that failed.
    /// - Complexity: O(*n*) in the size of the output.
    public static func write(_ results: BenchmarkResults, to path: String, overwrite: Bool = true) throws(ResultsError)
    {
        let bytes = try encode(results, file: path)
        try AtomicFile.write(bytes, to: path, overwrite: overwrite)
    }
}

/// File reading and JSON parsing shared by the results and thresholds readers, and by the other
/// JSON files of the package (scenario files).
package enum FileContents {
    /// The bytes of a non-empty file, or a ``ResultsError`` saying why not.
    package static func read(path: String, kind: String) throws(ResultsError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readAll(path: path)
        } catch {
            throw ResultsError(file: path, message: error.message)
        }
        guard !bytes.isEmpty else {
            throw ResultsError(
                file: path,
                message: "the file is empty (an interrupted write?); expected a \(kind) JSON document"
            )
        }
        return bytes
    }

    /// The parsed document, or a ``ResultsError`` with the JSON path, line and column of the problem.
    package static func parse(
        _ bytes: some Collection<UInt8>,
        file: String,
        kind: String,
        hint: String
    ) throws(ResultsError)
        -> JSONValue
    {
        do {
            return try JSONValue.parse(bytes)
        } catch {
            let advice: String =
                switch error.kind {
                case .unexpectedEnd: "the file is truncated (an interrupted write?); \(hint)"
                case .invalidNumber: "JSON numbers must be finite and fit in a double; \(hint)"
                case .invalidUTF8: "the file must be UTF-8 JSON; \(hint)"
                case .emptyInput: "expected a \(kind) JSON document; \(hint)"
                default: "not valid JSON; \(hint)"
                }
            throw ResultsError(
                file: file,
                jsonPath: error.jsonPath,
                message: "\(error.message) at line \(error.line), column \(error.column); \(advice)"
            )
        }
    }
}
