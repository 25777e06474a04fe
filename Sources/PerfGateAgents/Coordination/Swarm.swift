import PerfGateStatistics
/// The simulated multi-agent system: agents coordinating by contract net in a seeded grid world.
///
/// Each ``runRound()``:
/// 1. announce: the coordinator sends every agent a call for proposals listing the open tasks;
/// 2. bid: every agent, in parallel (one child task per agent, each agent an actor), plans by expected
///    free energy and bids for every task; proposals come back through the coordinator's mailbox;
/// 3. award: ``ContractNet/award(_:)`` gives each task to at most one agent and each agent at most one task;
/// 4. act: winners step towards their task (or work on it when there), others take their planned action;
///    completed tasks close and new ones open; every agent, in parallel, reads its sensor and updates
///    its belief.
///
/// Deadline: proposals that arrive at or after `roundDeadline` after the round started are counted as
/// late and the round is marked ``RoundOutcome/timedOut``, but the coordinator still waits for and uses
/// every proposal. So awards, beliefs and digests depend only on the seed, never on timing; a deadline
/// only flags slow rounds. (Dropping late bids would make the state depend on the machine's speed.)
///
/// Determinism: every agent's model, planner and sensor are seeded from the run seed and its id
/// (``SplitMix64/derivedSeed(runSeed:stream:purpose:)``), the world has its own seed, and all results are
/// ordered by agent id, not arrival.
public actor Swarm {
    /// The number of agents.
    public nonisolated let agentCount: Int
    /// The agents' model size.
    public nonisolated let modelSize: AgentModelSize
    /// The run seed.
    public nonisolated let seed: UInt64
    /// How long agents have to propose before a round counts as timed out.
    public nonisolated let roundDeadline: Duration
    /// The injected fault.
    public nonisolated let injection: FaultInjection
    /// The bytes one agent allocated, counted from its buffers (the largest over agents; they are equal).
    public nonisolated let allocatedBytesPerAgent: Int

    /// A digest of the whole history: every round's awards, positions, tasks and each agent's belief.
    public internal(set) var stateDigest: UInt64
    /// The number of rounds completed.
    public internal(set) var roundsCompleted = 0
    /// The world (true positions and open tasks).
    public internal(set) var world: GridWorld

    let nodes: [AgentNode]
    var isRunningRound = false

    /// Seed purposes, so the model, planner and sensor streams of one agent never coincide.
    enum SeedPurpose {
        static let model: UInt64 = 1
        static let planner: UInt64 = 2
        static let sensor: UInt64 = 3
        static let world: UInt64 = 4
    }

    /// Creates `agentCount` agents, each with its own seeded model of `model` size, in a seeded world.
    ///
    /// - Parameters:
    ///   - agentCount: At least 1.
    ///   - model: The model size; needs at least 5 actions (stay and four moves).
    ///   - seed: The run seed; everything random derives from it.
    ///   - roundDeadline: The time allowed for proposals; ≥ 0 (zero makes every round time out).
    ///   - injection: Extra work or memory for every agent.
    /// - Complexity: O(agents · U·S²): every agent's model is allocated and filled (~10–20 ms each for
    ///   ``AgentModelSize/production`` in a release build).
    public init(
        agentCount: Int,
        model: AgentModelSize,
        seed: UInt64,
        roundDeadline: Duration,
        injection: FaultInjection = .none
    ) {
        precondition(agentCount > 0, "a swarm needs at least one agent")
        precondition(model.actions >= 5, "coordination needs at least 5 actions (stay, north, east, south, west)")
        precondition(roundDeadline >= .zero, "the round deadline must not be negative")
        self.agentCount = agentCount
        self.modelSize = model
        self.seed = seed
        self.roundDeadline = roundDeadline
        self.injection = injection
        let world = GridWorld(
            size: model,
            agentCount: agentCount,
            seed: SplitMix64.derivedSeed(runSeed: seed, stream: 0, purpose: SeedPurpose.world)
        )
        let agents = (0..<agentCount).map { id in
            ActiveInferenceAgent(
                id: id,
                model: GenerativeModel(
                    seededWith: SplitMix64.derivedSeed(runSeed: seed, stream: id, purpose: SeedPurpose.model),
                    size: model
                ),
                seed: SplitMix64.derivedSeed(runSeed: seed, stream: id, purpose: SeedPurpose.planner),
                injection: injection
            )
        }
        self.allocatedBytesPerAgent = agents.map(\.allocatedBytes).max() ?? 0
        self.nodes = agents.map { agent in
            AgentNode(
                agent: agent,
                geometry: world.geometry,
                sensorSeed: SplitMix64.derivedSeed(runSeed: seed, stream: agent.id, purpose: SeedPurpose.sensor)
            )
        }
        self.world = world
        var digest = StateDigest()
        digest.combine(seed)
        self.stateDigest = digest.value
    }

    /// The current belief of every agent, ordered by agent id.
    public func beliefs() async -> [[Double]] {
        var result: [[Double]] = []
        for node in nodes { result.append(await node.belief) }
        return result
    }
}
