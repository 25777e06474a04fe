/// The contract's exit statuses.
package enum ExitStatus: Int32, Sendable {
    /// Success; for a gate, no gating regression and no budget exceeded.
    case success = 0
    /// The gate failed: a gating result is `regressed` or `over_budget`.
    case gateFailed = 1
    /// The tool could not do its job: bad usage, bad input or configuration, a crashed scenario.
    case failure = 2
}

/// A failure of the tool itself, shown as `bench: error: <description>` with status 2.
package struct CommandError: Error, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
