/// What happened in one coordination round: awards, traffic, whether bids met the deadline, and timings.
///
/// Everything except ``timedOut``, ``lateProposals``, ``phases`` and ``bidArrivals`` depends only on the
/// seed and the round number; those four depend on timing.
public struct RoundOutcome: Sendable, Hashable {
    /// The round's number, from 1.
    public var round: Int
    /// Task id → the agent that won it this round.
    public var awards: [Int: Int]
    /// Tasks completed this round, by increasing id.
    public var completedTaskIDs: [Int]
    /// Messages sent this round: one call for proposals and one proposal per agent, one award per winner,
    /// one observation and one report per agent (so `4·agents + awards`).
    public var messages: Int
    /// Agent operations executed this round: one plan and one belief update per agent (`2·agents`).
    public var agentSteps: Int
    /// Whether at least one proposal arrived at or after the deadline (a deadline of zero always times out).
    public var timedOut: Bool
    /// The number of proposals that arrived at or after the deadline; they were still used (see ``Swarm``).
    public var lateProposals: Int
    /// How long each phase took, measured with `ContinuousClock`.
    public var phases: PhaseDurations
    /// The swarm's state digest after this round (see ``Swarm/stateDigest``).
    public var stateDigest: UInt64
    /// When each agent's proposal arrived, by agent id, as the time since the call for proposals was
    /// dispatched (the start of the bid phase); timing-dependent, for traces. Empty when not measured.
    public var bidArrivals: [Duration]

    /// Creates an outcome (the swarm makes these; the initialiser is public for tests and replays).
    public init(
        round: Int,
        awards: [Int: Int],
        completedTaskIDs: [Int],
        messages: Int,
        agentSteps: Int,
        timedOut: Bool,
        lateProposals: Int,
        phases: PhaseDurations,
        stateDigest: UInt64,
        bidArrivals: [Duration] = []
    ) {
        self.round = round
        self.awards = awards
        self.completedTaskIDs = completedTaskIDs
        self.messages = messages
        self.agentSteps = agentSteps
        self.timedOut = timedOut
        self.lateProposals = lateProposals
        self.phases = phases
        self.stateDigest = stateDigest
        self.bidArrivals = bidArrivals
    }
}

/// The durations of the four phases of a round, measured with `ContinuousClock`.
public struct PhaseDurations: Sendable, Hashable {
    /// Building the call for proposals and dispatching it to every agent.
    public var announce: Duration
    /// From dispatch until the last proposal arrived (agents plan and bid in parallel).
    public var bid: Duration
    /// Resolving the contract net awards.
    public var award: Duration
    /// Moving agents, updating tasks, and every agent observing and updating its belief (in parallel).
    public var act: Duration

    /// Creates the durations of a round's phases.
    public init(announce: Duration, bid: Duration, award: Duration, act: Duration) {
        self.announce = announce
        self.bid = bid
        self.award = award
        self.act = act
    }

    /// The sum of the four phases: the round's duration.
    public var total: Duration { announce + bid + award + act }
}
