import Synchronization

/// Shows the progress of a long run as one line, `[3/12] coordination/contract-net elapsed 12s, ~40s left`,
/// rewritten in place (`\r`) on a terminal.
///
/// A library never prints: the reporter writes through the `write` sink it is given (the command
/// layer passes standard error). It is silent when `isEnabled` is false (`--quiet`) or the sink is
/// not a terminal, so logs and CI output stay clean. Safe to call from any thread.
public final class ProgressReporter: Sendable {
    private let isActive: Bool
    private let clock: @Sendable () -> Duration
    private let write: @Sendable (String) -> Void
    private let state: Mutex<State>

    private struct State {
        var start: Duration?
        var lastLength = 0
        var hasOutput = false
    }

    /// Creates a reporter.
    ///
    /// - Parameters:
    ///   - isEnabled: False for `--quiet`.
    ///   - isTerminal: Whether the sink is a terminal (`isatty(STDERR_FILENO) != 0`); when false
    ///     the reporter writes nothing.
    ///   - clock: The time now (injected for tests); defaults to ``MonotonicClock/now()``.
    ///   - write: Writes text as is (no newline added).
    public init(
        isEnabled: Bool,
        isTerminal: Bool,
        clock: @escaping @Sendable () -> Duration = { MonotonicClock.now() },
        write: @escaping @Sendable (String) -> Void
    ) {
        isActive = isEnabled && isTerminal
        self.clock = clock
        self.write = write
        state = Mutex(State())
    }

    /// Shows that `completed` of `total` steps are done, the last being `label`.
    ///
    /// The time left is estimated linearly: elapsed ÷ completed × (total − completed); it is
    /// omitted before the first step completes. The first call starts the elapsed-time clock.
    public func update(completed: Int, total: Int, label: String) {
        guard isActive else { return }
        let now = clock()
        let line: String = state.withLock { state in
            let start = state.start ?? now
            state.start = start
            let text = Self.line(completed: completed, total: total, label: label, elapsed: now - start)
            // Pad with spaces to erase the end of a longer previous line.
            let padding = String(repeating: " ", count: max(0, state.lastLength - text.count))
            state.lastLength = text.count
            state.hasOutput = true
            return "\r" + text + padding
        }
        write(line)
    }

    /// Ends the progress line with a newline, if anything was shown.
    public func finish() {
        guard isActive else { return }
        let hadOutput = state.withLock { state in
            defer { state = State() }
            return state.hasOutput
        }
        if hadOutput { write("\n") }
    }

    /// The progress text without control characters, for example
    /// `[3/12] memory/agent elapsed 12s, ~40s left`.
    public static func line(completed: Int, total: Int, label: String, elapsed: Duration) -> String {
        let elapsedSeconds = max(0, elapsed.seconds)
        var text = "[\(completed)/\(total)] \(label) elapsed \(wholeSeconds(elapsedSeconds))"
        if completed > 0 && completed < total {
            let left = elapsedSeconds / Double(completed) * Double(total - completed)
            text += ", ~\(wholeSeconds(left)) left"
        }
        return text
    }

    private static func wholeSeconds(_ seconds: Double) -> String {
        "\(Int(seconds.rounded()))s"
    }
}
