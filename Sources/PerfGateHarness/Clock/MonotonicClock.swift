// `public import`: the clock read is `@inlinable`, so its body (clock_gettime) must be visible to callers.
public import Glibc

/// A monotonic nanosecond clock: `clock_gettime(CLOCK_MONOTONIC)`.
///
/// On Linux x86-64 this is a vDSO call, no system call: 21–29 ns on the 2-vCPU CI-like VM
/// (raw `clock_gettime` 28.6 ns, this wrapper 28.9 ns in the same release process under load).
/// The clock counts from an unspecified start (boot) and never goes back; it keeps counting
/// while the process sleeps. It is the clock every timing in the harness uses.
public enum MonotonicClock {
    /// The current reading, in nanoseconds since an unspecified start.
    ///
    /// `@inlinable` so a timed loop pays only for the vDSO call.
    @inlinable
    public static func nanoseconds() -> UInt64 {
        var time = timespec()
        // clock_gettime(CLOCK_MONOTONIC) cannot fail on Linux: the clock id is valid and `time` is
        // a valid pointer (EINVAL and EFAULT are the only errors).
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// The current reading as a `Duration` since the clock's start.
    @inlinable
    public static func now() -> Duration {
        .nanoseconds(Int64(bitPattern: nanoseconds()))
    }

    /// Measures the cost of one clock read: the median, over `rounds` rounds, of the time of
    /// `readsPerRound` back-to-back reads divided by `readsPerRound`.
    ///
    /// The median discards rounds hit by an interrupt or a slow phase of the machine.
    ///
    /// - Parameters:
    ///   - rounds: Number of rounds; at least 1.
    ///   - readsPerRound: Reads timed together in one round; at least 1.
    /// - Returns: The median cost of one read (includes the loop overhead, under 1 ns).
    /// - Complexity: O(rounds × readsPerRound) clock reads: the default takes about 2 ms.
    public static func measureReadCost(rounds: Int = 101, readsPerRound: Int = 1_000) -> Duration {
        precondition(rounds >= 1 && readsPerRound >= 1, "rounds and readsPerRound must be at least 1")
        var perRead: [Double] = []
        perRead.reserveCapacity(rounds)
        var sink: UInt64 = 0
        for _ in 0..<rounds {
            let start = nanoseconds()
            for _ in 0..<readsPerRound {
                sink &+= nanoseconds()
            }
            let elapsed = nanoseconds() - start
            perRead.append(Double(elapsed) / Double(readsPerRound))
        }
        blackHole(sink)
        perRead.sort()
        return .nanoseconds(Int64(perRead[perRead.count / 2].rounded(.up)))
    }
}

/// Keeps `value` alive and opaque to the optimiser, so work that produced it is not removed.
///
/// Pass the result of a benchmark's workload here; costs one non-inlined call.
@inline(never)
public func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

extension Duration {
    /// The duration in seconds, as a Double (contract base unit).
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
