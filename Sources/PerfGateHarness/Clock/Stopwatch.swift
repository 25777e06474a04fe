/// Measures elapsed time on the ``MonotonicClock``.
///
/// ```swift
/// let stopwatch = Stopwatch()
/// work()
/// let seconds = stopwatch.elapsed.seconds
/// ```
public struct Stopwatch: Sendable {
    /// The clock reading when the stopwatch started, in nanoseconds.
    public let startNanoseconds: UInt64

    /// Starts a stopwatch now.
    @inlinable
    public init() {
        startNanoseconds = MonotonicClock.nanoseconds()
    }

    /// Nanoseconds since the stopwatch started.
    @inlinable
    public var elapsedNanoseconds: UInt64 {
        MonotonicClock.nanoseconds() &- startNanoseconds
    }

    /// Time since the stopwatch started.
    @inlinable
    public var elapsed: Duration {
        .nanoseconds(Int64(bitPattern: elapsedNanoseconds))
    }

    /// Runs `body` once and returns its result with the time it took.
    ///
    /// - Returns: The body's result and its duration (includes one clock read, about 21 ns).
    /// - Throws: Whatever `body` throws.
    @inlinable
    public static func measure<Result, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> (result: Result, duration: Duration) {
        let stopwatch = Stopwatch()
        let result = try body()
        return (result, stopwatch.elapsed)
    }
}
