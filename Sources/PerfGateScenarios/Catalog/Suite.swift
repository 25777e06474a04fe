/// How much measuring a suite does: how many worker processes, how many interleaved rounds each,
/// and how many samples per block of each kind of workload.
///
/// Samples come from several processes because, on a 2-vCPU CI runner, the median of one process
/// can differ from another's by up to 2× while the spread inside one process is 2–3%: samples of
/// one process are not independent observations of the build's speed. Each worker runs every
/// scenario in rotated rounds (interleaved), so a slow phase of the machine lands on all
/// benchmarks instead of one.
public struct Suite: Sendable, Hashable {
    /// `quick`, `default` or `full`.
    public var name: String
    /// Worker processes, run one after another.
    public var workerCount: Int
    /// Interleaved rounds over all scenarios inside each worker.
    public var roundsPerWorker: Int
    /// Samples per block for timing workloads (coordination, belief).
    public var timingSamplesPerBlock: Int
    /// Samples per block for memory workloads (each sample builds and frees a swarm).
    public var memorySamplesPerBlock: Int

    /// Creates a suite.
    public init(name: String, workerCount: Int, roundsPerWorker: Int, timingSamplesPerBlock: Int, memorySamplesPerBlock: Int) {
        self.name = name
        self.workerCount = workerCount
        self.roundsPerWorker = roundsPerWorker
        self.timingSamplesPerBlock = timingSamplesPerBlock
        self.memorySamplesPerBlock = memorySamplesPerBlock
    }

    /// Samples per benchmark a timing workload gets in total.
    public var timingSampleCount: Int { workerCount * roundsPerWorker * timingSamplesPerBlock }
    /// Samples per benchmark a memory workload gets in total.
    public var memorySampleCount: Int { workerCount * roundsPerWorker * memorySamplesPerBlock }

    /// Under 30 s: 2 processes × 1 round × 6 samples = 12 timing samples per benchmark.
    public static let quick = Suite(name: "quick", workerCount: 2, roundsPerWorker: 1, timingSamplesPerBlock: 6, memorySamplesPerBlock: 5)
    /// The gate's suite: 3 processes × 2 rounds × 5 samples = 30 timing samples per benchmark.
    public static let `default` = Suite(name: "default", workerCount: 3, roundsPerWorker: 2, timingSamplesPerBlock: 5, memorySamplesPerBlock: 2)
    /// For calibration and capacity work: 5 processes × 3 rounds × 6 samples = 90.
    public static let full = Suite(name: "full", workerCount: 5, roundsPerWorker: 3, timingSamplesPerBlock: 6, memorySamplesPerBlock: 2)

    /// Every built-in suite.
    public static let all: [Suite] = [.quick, .default, .full]

    /// The built-in suite named `name`, or nil.
    public static func named(_ name: String) -> Suite? { all.first { $0.name == name } }
}
