/// Why a monitoring output could not be produced or delivered; its description is one actionable line.
public struct MonitoringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed, where, and what would fix it.
    public var message: String

    /// Creates an error with a one-line message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message, suitable for `bench: error: …`.
    public var description: String { message }
}
