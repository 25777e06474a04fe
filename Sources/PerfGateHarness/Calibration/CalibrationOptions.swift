/// How ``Calibrator`` sizes, warms up and repeats samples of a workload.
///
/// The defaults suit micro-workloads on a 2-vCPU machine: each sample lasts at least 10 ms
/// (about 500,000 clock reads, so the two clock reads around a sample cost under 0.001 %),
/// warm-up lasts at least 50 ms and one sample, and 30 samples are taken.
public struct CalibrationOptions: Sendable, Hashable {
    /// The shortest time one sample may last; raised to `minimumClockReadMultiple` × the measured
    /// clock read cost when that is longer. Default 10 ms.
    public var minimumSampleDuration: Duration
    /// A sample lasts at least this many clock reads. Default 1,000 (about 21 µs here).
    public var minimumClockReadMultiple: Int
    /// Warm-up before the first kept sample.
    public var warmup: Warmup
    /// How many samples to keep.
    public var sampling: Sampling
    /// An upper bound on iterations per sample, against workloads whose time reads as 0. Default 2³⁰.
    public var maximumIterationsPerSample: Int

    /// Creates options; see each property for the defaults.
    public init(
        minimumSampleDuration: Duration = .milliseconds(10),
        minimumClockReadMultiple: Int = 1_000,
        warmup: Warmup = Warmup(),
        sampling: Sampling = .count(30),
        maximumIterationsPerSample: Int = 1 << 30
    ) {
        precondition(minimumSampleDuration >= .zero, "minimumSampleDuration must not be negative")
        precondition(maximumIterationsPerSample >= 1, "maximumIterationsPerSample must be at least 1")
        self.minimumSampleDuration = minimumSampleDuration
        self.minimumClockReadMultiple = minimumClockReadMultiple
        self.warmup = warmup
        self.sampling = sampling
        self.maximumIterationsPerSample = maximumIterationsPerSample
    }

    /// Warm-up: after calibration, whole samples are run and discarded until **both** the time
    /// since the calibration started reaches `minimumDuration` **and** `minimumSamples` samples ran.
    public struct Warmup: Sendable, Hashable {
        /// Default 50 ms; `.zero` for none.
        public var minimumDuration: Duration
        /// Default 1; 0 for none.
        public var minimumSamples: Int

        /// Creates a warm-up policy.
        public init(minimumDuration: Duration = .milliseconds(50), minimumSamples: Int = 1) {
            precondition(minimumSamples >= 0, "minimumSamples must not be negative")
            self.minimumDuration = minimumDuration
            self.minimumSamples = minimumSamples
        }
    }

    /// How many samples to keep.
    public enum Sampling: Sendable, Hashable {
        /// Exactly this many samples (at least 1).
        case count(Int)
        /// Samples until `budget` has passed since the first kept sample started, at least
        /// `minimumCount` and at most `maximumCount` of them.
        case timeBudget(Duration, minimumCount: Int, maximumCount: Int)
    }
}

/// Per-iteration timings of a workload, as ``Calibrator`` measured them.
public struct CalibratedSamples: Sendable, Hashable {
    /// Iterations run in each sample.
    public var iterationsPerSample: Int
    /// Each sample's duration divided by `iterationsPerSample`, seconds, in measurement order.
    public var secondsPerIteration: [Double]
    /// The clock read cost measured before calibrating.
    public var clockReadCost: Duration

    /// Creates a value.
    public init(iterationsPerSample: Int, secondsPerIteration: [Double], clockReadCost: Duration) {
        self.iterationsPerSample = iterationsPerSample
        self.secondsPerIteration = secondsPerIteration
        self.clockReadCost = clockReadCost
    }
}
