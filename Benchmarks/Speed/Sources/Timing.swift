#if canImport(Glibc)
import Glibc
#endif

/// Timings of one case, per call: wall-clock seconds (median and minimum over repetitions) and the
/// CPU seconds of the fastest repetition.
///
/// On a shared machine the wall clock includes the time other processes held the CPU; the CPU time
/// (this process, plus the children it waited for) does not, though it still suffers their cache
/// and memory traffic.
struct Timing {
    /// Wall-clock seconds per call, one value per repetition.
    var secondsPerCall: [Double]
    /// CPU seconds per call, one value per repetition.
    var cpuSecondsPerCall: [Double]

    /// The median over repetitions (the mean of the two middle ones for an even count).
    var median: Double {
        let sorted = secondsPerCall.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The fastest repetition: the least disturbed by other work on the machine.
    var minimum: Double { secondsPerCall.min() ?? .nan }

    /// The least CPU time of any repetition.
    var cpuMinimum: Double { cpuSecondsPerCall.min() ?? .nan }

    /// Runs `body` once and appends its wall-clock and CPU seconds, divided by `calls`.
    mutating func record(calls: Int, _ body: () throws -> Void) rethrows {
        let stopwatch = Stopwatch()
        try body()
        let (wall, cpu) = stopwatch.elapsed()
        secondsPerCall.append(wall / Double(calls))
        cpuSecondsPerCall.append(cpu / Double(calls))
    }

    /// Times `repetitions` runs of `calls` calls each.
    ///
    /// `makeRun(repetition)` prepares the repetition's inputs (not timed) and returns the run to time,
    /// so every repetition can get fresh data.
    static func measure(repetitions: Int, calls: Int, _ makeRun: (Int) -> () -> Void) -> Timing {
        var timing = Timing(secondsPerCall: [], cpuSecondsPerCall: [])
        for repetition in 0..<repetitions {
            let run = makeRun(repetition)
            timing.record(calls: calls, run)
        }
        return timing
    }

    /// Times `call` on fresh sample pairs: each repetition makes `calls` new pairs of `size` values
    /// per side with `SamplePairs.make` (seeded by `seed` and the repetition), untimed.
    static func measurePairs(
        repetitions: Int,
        calls: Int,
        size: Int,
        seed: Int,
        ties: Bool = false,
        _ call: @escaping ([Double], [Double]) -> Void
    ) -> Timing {
        measure(repetitions: repetitions, calls: calls) { repetition in
            let pairs = SamplePairs.make(calls, size: size, seed: seed + repetition, ties: ties)
            return {
                for (candidate, baseline) in pairs { call(candidate, baseline) }
            }
        }
    }
}

/// A started wall clock and CPU clock.
struct Stopwatch {
    private let wallStart = ContinuousClock.now
    private let cpuStart = Stopwatch.cpuSeconds()

    /// Wall-clock and CPU seconds since the stopwatch was created.
    func elapsed() -> (wall: Double, cpu: Double) {
        ((ContinuousClock.now - wallStart).seconds, Self.cpuSeconds() - cpuStart)
    }

    /// CPU seconds of this process (all threads) and of its children that have been waited for.
    static func cpuSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        var children = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &children)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9 + seconds(children.ru_utime)
            + seconds(children.ru_stime)
    }

    private static func seconds(_ value: timeval) -> Double {
        Double(value.tv_sec) + Double(value.tv_usec) * 1e-6
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}

/// Keeps results alive so that the optimizer cannot drop the calls that produce them.
enum Sink {
    /// Consumes a value; `@inline(never)` hides the use from the optimizer.
    @inline(never)
    static func consume<T>(_ value: T) {
        withExtendedLifetime(value) {}
    }
}

/// A duration in seconds written with a unit that keeps 3 significant digits: `1.23 µs`, `845 ms`;
/// with `trimmingZeros`, trailing fractional zeros are dropped (`1 s`, `2 µs`).
func formatSeconds(_ seconds: Double, trimmingZeros: Bool = false) -> String {
    guard seconds.isFinite else { return "—" }
    let units: [(Double, String)] = [(1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")]
    let (scale, name) = units.first { seconds >= $0.0 } ?? (1e-9, "ns")
    let value = seconds / scale
    let digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
    var number = fixed(value, fractionDigits: digits)
    if trimmingZeros && number.contains(".") {
        while number.hasSuffix("0") { number.removeLast() }
        if number.hasSuffix(".") { number.removeLast() }
    }
    return "\(number) \(name)"
}

/// `value` rounded to `fractionDigits` decimals, without Foundation.
func fixed(_ value: Double, fractionDigits: Int) -> String {
    var scale = 1.0
    for _ in 0..<fractionDigits { scale *= 10 }
    let scaled = Int64((value * scale).rounded())
    let whole = scaled / Int64(scale)
    var fraction = String(abs(scaled) % Int64(scale))
    while fraction.count < fractionDigits { fraction = "0" + fraction }
    return fractionDigits == 0 ? "\(whole)" : "\(whole).\(fraction)"
}
