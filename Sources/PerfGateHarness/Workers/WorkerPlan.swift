/// What one worker process runs: an ordered list of blocks, each a number of samples of one
/// scenario. The supervisor writes it to the worker's standard input as one JSON line.
public struct WorkerPlan: Sendable, Hashable, Codable {
    /// The version of the worker protocol (``WorkerMessage``) this plan and its answers follow.
    public static let currentProtocolVersion = 1

    /// ``currentProtocolVersion`` when the plan was written.
    public var protocolVersion: Int
    /// The process index the supervisor gave this worker (unique within a run, from 0).
    public var processIndex: Int
    /// Blocks in the order they must run.
    public var blocks: [WorkerBlock]
    /// Free-form settings of the layer above (seed, suite, …), passed through unchanged.
    public var settings: [String: String]

    /// Creates a plan.
    public init(
        protocolVersion: Int = WorkerPlan.currentProtocolVersion,
        processIndex: Int,
        blocks: [WorkerBlock],
        settings: [String: String] = [:]
    ) {
        self.protocolVersion = protocolVersion
        self.processIndex = processIndex
        self.blocks = blocks
        self.settings = settings
    }
}

/// One block of a plan: `sampleCount` samples of `scenario`.
public struct WorkerBlock: Sendable, Hashable, Codable {
    /// The scenario id the worker's lookup closure resolves (opaque to the harness).
    public var scenario: String
    /// Samples asked for, at least 1.
    public var sampleCount: Int

    /// Creates a block.
    public init(scenario: String, sampleCount: Int) {
        precondition(sampleCount >= 1, "a block needs at least one sample")
        self.scenario = scenario
        self.sampleCount = sampleCount
    }
}

extension WorkerPlan {
    /// The interleaved block order of worker slot `slot`: `rounds` rounds, each one block of every
    /// entry of `round`; the order within a round is rotated by `slot + round index`, so every
    /// scenario runs early and late in every process, and a slow phase of the machine spreads
    /// over all scenarios instead of landing on one.
    ///
    /// Example with round [a, b, c], slot 0, 2 rounds: a b c, b c a; slot 1: b c a, c a b.
    /// - Complexity: O(rounds × round.count).
    public static func interleavedBlocks(round: [WorkerBlock], rounds: Int, slot: Int) -> [WorkerBlock] {
        guard !round.isEmpty else { return [] }
        var blocks: [WorkerBlock] = []
        blocks.reserveCapacity(rounds * round.count)
        for roundIndex in 0..<rounds {
            let offset = (slot + roundIndex) % round.count
            for position in 0..<round.count {
                blocks.append(round[(offset + position) % round.count])
            }
        }
        return blocks
    }
}
