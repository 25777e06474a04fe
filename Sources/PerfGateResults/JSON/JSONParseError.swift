/// Why a byte sequence is not a JSON document, and where.
///
/// `description` is one line: `line 3, column 7 (byte 45), at $.benchmarks[0]: expected ',' or '}' …`.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of problem.
    public enum Kind: Sendable, Hashable {
        /// The input holds no value (empty, or only whitespace).
        case emptyInput
        /// The input ended before the document did (a truncated file).
        case unexpectedEnd
        /// A byte that cannot appear here in JSON.
        case unexpectedCharacter
        /// A number literal that breaks JSON's grammar or does not fit in a finite `Double`.
        case invalidNumber
        /// A bad escape in a string, an unpaired surrogate, or a raw control character.
        case invalidString
        /// Bytes that are not well-formed UTF-8.
        case invalidUTF8
        /// Arrays and objects nested deeper than ``JSONValue/maximumDepth``.
        case nestingTooDeep
        /// Something other than whitespace after the document's value.
        case trailingData
    }

    /// The class of problem.
    public var kind: Kind
    /// What is wrong, in words.
    public var message: String
    /// The 0-based byte offset of the problem.
    public var byteOffset: Int
    /// The 1-based line of the problem (lines end with `\n`).
    public var line: Int
    /// The 1-based column of the problem, counted in bytes from the start of the line.
    public var column: Int
    /// The JSON path of the value being parsed when the problem was found (`$` for the root).
    public var jsonPath: String

    /// Creates an error; usually only the parser does this.
    public init(kind: Kind, message: String, byteOffset: Int, line: Int, column: Int, jsonPath: String) {
        self.kind = kind
        self.message = message
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
        self.jsonPath = jsonPath
    }

    /// `line L, column C (byte B), at PATH: MESSAGE`.
    public var description: String {
        "line \(line), column \(column) (byte \(byteOffset)), at \(jsonPath): \(message)"
    }
}
