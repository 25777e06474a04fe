/// The samples of one block, by metric name (`round_seconds`, `bytes_per_agent`, …): each value
/// list is in measurement order, in the metric's base unit. Lists of different metrics may have
/// different lengths.
public typealias MetricSamples = [String: [Double]]

/// A scenario as a worker process runs it: prepared once, then asked for blocks of samples.
///
/// The layer above implements this for each scenario: a timing scenario reports one metric per
/// sample (`seconds`), a coordination scenario several (`round_seconds`, `throughput_per_second`,
/// `messages_per_round`, `timeout_ratio`), a memory scenario bytes (`bytes_per_agent`).
/// The harness never interprets metric names or values, except that they must be finite.
///
/// A worker calls ``prepare()`` before the scenario's first block in that process and
/// ``finish()`` after its last one; it calls the methods from one thread, one at a time.
public protocol Workload {
    /// Sets up state that should not be timed (build agents, calibrate iterations); called once
    /// per worker process before the first block. The default does nothing.
    /// - Throws: Any error; the scenario is then reported as failed with the error's description.
    func prepare() throws

    /// Measures one block of `sampleCount` samples.
    ///
    /// - Parameter sampleCount: Samples the plan asks for, at least 1; a workload may return fewer
    ///   or more (for example one memory reading per block).
    /// - Returns: Samples by metric name; every value must be finite.
    /// - Throws: Any error; the scenario is then reported as failed with the error's description.
    func runBlock(sampleCount: Int) throws -> MetricSamples

    /// Releases what ``prepare()`` built; called once after the scenario's last block in this
    /// process (also after a failed block). The default does nothing.
    func finish()
}

extension Workload {
    /// Does nothing.
    public func prepare() throws {}

    /// Does nothing.
    public func finish() {}
}

/// A ``Workload`` that times a closure with ``Calibrator``: iterations per sample are calibrated
/// and warmed up once in ``prepare()``; each block then takes `sampleCount` samples of the
/// per-iteration time, reported under `metric` (seconds).
///
/// A class because calibration results are kept between `prepare()` and the blocks. Not
/// thread-safe: a worker uses it from one thread.
public final class CalibratedWorkload: Workload {
    /// The metric name the samples are reported under, for example `seconds`.
    public let metric: String
    /// Calibration and warm-up options; `sampling` is ignored (the plan sets the count).
    public let options: CalibrationOptions
    private let body: (_ iterations: Int) throws -> Void
    private var iterationsPerSample: Int?

    /// Creates a workload.
    ///
    /// - Parameters:
    ///   - metric: The metric name, in seconds per iteration.
    ///   - options: Calibration and warm-up (default: 10 ms samples, 50 ms warm-up).
    ///   - body: Runs the work `iterations` times; put results through ``blackHole(_:)``.
    public init(
        metric: String,
        options: CalibrationOptions = CalibrationOptions(),
        body: @escaping (_ iterations: Int) throws -> Void
    ) {
        self.metric = metric
        self.options = options
        self.body = body
    }

    /// Calibrates iterations per sample and warms up (options' warm-up policy).
    public func prepare() throws {
        var warmupOptions = options
        warmupOptions.sampling = .count(1)
        let calibrated = try Calibrator.measure(options: warmupOptions, body)
        iterationsPerSample = calibrated.iterationsPerSample
    }

    /// Takes `sampleCount` samples of seconds per iteration.
    public func runBlock(sampleCount: Int) throws -> MetricSamples {
        if iterationsPerSample == nil { try prepare() }
        let iterations = iterationsPerSample ?? 1
        let samples = try Calibrator.collectSamples(
            iterationsPerSample: iterations,
            sampling: .count(sampleCount),
            body
        )
        return [metric: samples]
    }
}
