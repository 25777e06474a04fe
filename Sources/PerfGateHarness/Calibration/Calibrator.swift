/// Sizes samples of a workload so that each lasts long enough to time, warms it up, and
/// collects per-iteration timings.
///
/// The workload is a closure `body(iterations)` that runs the work `iterations` times; its
/// result should go through ``blackHole(_:)``. Only the time of `body` is measured: two clock
/// reads around each call.
///
/// Calibration starts at 1 iteration and grows (×2 to ×100, aiming 20 % past the target) until
/// one call lasts at least the target sample duration; that count is then kept for all samples.
public enum Calibrator {
    /// Calibrates, warms up and samples `body`; see ``CalibrationOptions`` for each step.
    ///
    /// - Returns: Per-iteration seconds of every kept sample.
    /// - Throws: Whatever `body` throws; measurement stops at the first error.
    /// - Complexity: Runs `body` for about the calibration time + warm-up + samples × target duration.
    public static func measure(
        options: CalibrationOptions = CalibrationOptions(),
        _ body: (_ iterations: Int) throws -> Void
    ) rethrows -> CalibratedSamples {
        let start = MonotonicClock.nanoseconds()
        let clockReadCost = MonotonicClock.measureReadCost(rounds: 21, readsPerRound: 500)
        let iterations = try calibrateIterations(options: options, clockReadCost: clockReadCost, body)
        var warmupSamples = 0
        let warmupNanoseconds = UInt64(max(0, options.warmup.minimumDuration.seconds) * 1e9)
        while warmupSamples < options.warmup.minimumSamples
            || MonotonicClock.nanoseconds() - start < warmupNanoseconds
        {
            _ = try timeNanoseconds(iterations: iterations, body)
            warmupSamples += 1
        }
        let samples = try collectSamples(iterationsPerSample: iterations, sampling: options.sampling, body)
        return CalibratedSamples(
            iterationsPerSample: iterations,
            secondsPerIteration: samples,
            clockReadCost: clockReadCost
        )
    }

    /// The number of iterations that makes one call of `body` last at least the target duration:
    /// `max(minimumSampleDuration, minimumClockReadMultiple × clockReadCost)`.
    ///
    /// - Returns: At least 1, at most `options.maximumIterationsPerSample`.
    /// - Throws: Whatever `body` throws.
    public static func calibrateIterations(
        options: CalibrationOptions = CalibrationOptions(),
        clockReadCost: Duration,
        _ body: (_ iterations: Int) throws -> Void
    ) rethrows -> Int {
        let target = max(
            options.minimumSampleDuration.seconds,
            Double(options.minimumClockReadMultiple) * clockReadCost.seconds
        )
        let targetNanoseconds = target * 1e9
        var iterations = 1
        while iterations < options.maximumIterationsPerSample {
            let elapsed = Double(try timeNanoseconds(iterations: iterations, body))
            if elapsed >= targetNanoseconds { break }
            let factor = elapsed > 0 ? (targetNanoseconds / elapsed * 1.2).rounded(.up) : 100
            let grown = iterations.multipliedReportingOverflow(by: Int(min(100, max(2, factor))))
            iterations = grown.overflow ? options.maximumIterationsPerSample : grown.partialValue
        }
        return min(iterations, options.maximumIterationsPerSample)
    }

    /// Runs `body(iterationsPerSample)` repeatedly without calibration or warm-up.
    ///
    /// - Returns: Each call's duration divided by `iterationsPerSample`, seconds, in order.
    /// - Throws: Whatever `body` throws.
    /// - Complexity: As many calls as `sampling` asks for.
    public static func collectSamples(
        iterationsPerSample: Int,
        sampling: CalibrationOptions.Sampling,
        _ body: (_ iterations: Int) throws -> Void
    ) rethrows -> [Double] {
        precondition(iterationsPerSample >= 1, "iterationsPerSample must be at least 1")
        let (minimum, maximum, budget): (Int, Int, UInt64)
        switch sampling {
        case .count(let count):
            precondition(count >= 1, "sample count must be at least 1")
            (minimum, maximum, budget) = (count, count, 0)
        case .timeBudget(let duration, let minimumCount, let maximumCount):
            precondition(minimumCount >= 1 && maximumCount >= minimumCount, "need 1 ≤ minimumCount ≤ maximumCount")
            (minimum, maximum, budget) = (minimumCount, maximumCount, UInt64(max(0, duration.seconds) * 1e9))
        }
        var samples: [Double] = []
        samples.reserveCapacity(min(maximum, 10_000))
        let start = MonotonicClock.nanoseconds()
        while samples.count < maximum {
            if samples.count >= minimum && MonotonicClock.nanoseconds() - start >= budget { break }
            let elapsed = try timeNanoseconds(iterations: iterationsPerSample, body)
            samples.append(Double(elapsed) * 1e-9 / Double(iterationsPerSample))
        }
        return samples
    }

    private static func timeNanoseconds(
        iterations: Int,
        _ body: (_ iterations: Int) throws -> Void
    ) rethrows -> UInt64 {
        let start = MonotonicClock.nanoseconds()
        try body(iterations)
        return MonotonicClock.nanoseconds() &- start
    }
}
