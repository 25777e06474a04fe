/// A mistake in how a command was called; reported as status 2 with the command's usage hint.
package struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    package var message: String
    package var command: String

    package init(_ message: String, command: String) {
        self.message = message
        self.command = command
    }

    package var description: String { "\(message) (see `\(command) --help`)" }
}

/// The arguments of one command after parsing against its `CommandSpec`.
package struct ParsedArguments: Sendable {
    /// Option values by long name; repeated options keep every value in order.
    package var values: [String: [String]] = [:]
    /// Flags that were given, by long name.
    package var flags: Set<String> = []
    /// Positional arguments, in order.
    package var positionals: [String] = []
    /// Whether `--help` or `-h` was given.
    package var wantsHelp = false
    package var command: String = "bench"

    package init() {}

    /// The last value given for `name`, or nil.
    package func value(_ name: String) -> String? { values[name]?.last }

    /// Whether the flag `name` was given.
    package func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The value of `name` as an integer within `range`, or nil when absent.
    package func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(
                "--\(name) expects a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"",
                command: command
            )
        }
        return number
    }

    /// The value of `name` as a number within `range`, or nil when absent.
    package func number(_ name: String, in range: ClosedRange<Double>) throws(UsageError) -> Double? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw UsageError(
                "--\(name) expects a number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"",
                command: command
            )
        }
        return number
    }

    /// The value of `name` as a comma-separated list of positive counts (`1,10,25,50`), or nil.
    package func counts(_ name: String, max: Int = 10_000) throws(UsageError) -> [Int]? {
        guard let text = value(name) else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        var counts: [Int] = []
        for part in parts {
            guard let count = Int(part.trimmingSpaces), (1...max).contains(count) else {
                throw UsageError(
                    "--\(name) expects comma-separated counts from 1 to \(max) such as 1,10,25,50, got \"\(text)\"",
                    command: command
                )
            }
            counts.append(count)
        }
        return counts
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
