/// A problem reading or writing a results or thresholds file.
///
/// `description` is the contract's one line (without the `bench: error: ` prefix):
/// the file, the JSON path of the first problem, what was found, and what would fix it.
public struct ResultsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the problem is in, as the user named it.
    public var file: String
    /// The JSON path of the problem (`$.benchmarks[3].metrics.round_seconds.samples[7]`), or nil
    /// when the problem is with the file itself (missing, a directory, not UTF-8).
    public var jsonPath: String?
    /// What is wrong and what would fix it.
    public var message: String

    /// Creates an error about `file`, at `jsonPath` if given.
    public init(file: String, jsonPath: String? = nil, message: String) {
        self.file = file
        self.jsonPath = jsonPath
        self.message = message
    }

    /// `FILE: PATH: MESSAGE`, or `FILE: MESSAGE` without a path.
    public var description: String {
        if let jsonPath { return "\(file): \(jsonPath): \(message)" }
        return "\(file): \(message)"
    }
}
