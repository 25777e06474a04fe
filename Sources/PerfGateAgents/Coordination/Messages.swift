/// A message from the coordinator to an agent.
public enum AgentMessage: Sendable {
    /// The round's call for proposals: the open tasks.
    case callForProposals(round: Int, tasks: [WorldTask])
    /// The agent won `taskID` this round.
    case award(round: Int, taskID: Int)
    /// After moving: the action the agent took, its new true position (for its sensor only) and the open tasks.
    case observe(round: Int, action: Int, position: GridPoint, tasks: [WorldTask])
}

/// A message from an agent to the coordinator.
public enum CoordinatorMessage: Sendable {
    /// The agent's answer to a call for proposals.
    case proposal(Proposal)
    /// The agent's answer to an observation: what it saw and a digest of its new belief.
    case report(agentID: Int, observation: Int, beliefDigest: UInt64)
}

/// An agent's proposal: the action it intends if it wins nothing, and one bid per open task.
public struct Proposal: Sendable, Hashable {
    /// The proposing agent.
    public var agentID: Int
    /// The first action of the policy the agent chose by expected free energy.
    public var intendedAction: Int
    /// One bid per open task, in the order of the call.
    public var bids: [TaskBid]
}

/// A one-way mailbox: an unbounded `AsyncStream` that many senders feed and one receiver drains.
struct Mailbox<Message: Sendable>: Sendable {
    /// The receiving end.
    let messages: AsyncStream<Message>
    private let continuation: AsyncStream<Message>.Continuation

    /// Creates an open mailbox.
    init() {
        (messages, continuation) = AsyncStream.makeStream(of: Message.self, bufferingPolicy: .unbounded)
    }

    /// Delivers `message`; never blocks.
    func send(_ message: Message) {
        continuation.yield(message)
    }

    /// Closes the mailbox; the receiver's loop ends after the queued messages.
    func close() {
        continuation.finish()
    }
}
