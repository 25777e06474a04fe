import PerfGateStatistics
public import PerfGateAgents
import Synchronization

/// The agents behind the API: a bounded table from id to agent, safe to use from every event loop.
///
/// The table itself sits behind one `Mutex` held only for lookups, inserts and removals (tens of
/// nanoseconds); each agent has its own lock, held while it steps or is read, so steps of different
/// agents run in parallel on different event loops, and two requests to one agent are serialised.
/// Building an agent's model (the slow part of a create: about 0.1 ms for `light`, tens of ms for
/// `production`) happens outside both locks, with a slot reserved first so the cap is never exceeded.
public final class AgentRegistry: Sendable {
    /// Why a create was refused.
    public enum Refusal: Error, Sendable, Equatable {
        /// ``maxAgents`` agents exist (or are being created).
        case full(maxAgents: Int)
    }

    private struct Table: ~Copyable {
        var agents: [Int: AgentRecord] = [:]
        var reserved = 0
        var nextID = 1
    }

    /// The size of every agent's generative model.
    public let model: AgentModelSize
    /// The most agents that may exist at once.
    public let maxAgents: Int
    /// Seeds the agents created without a seed of their own.
    public let seed: UInt64
    private let table = Mutex(Table())

    /// Creates an empty registry.
    /// - Parameters:
    ///   - model: model size of every agent.
    ///   - maxAgents: the cap, at least 1.
    ///   - seed: the seed agents created without one derive theirs from (with their id).
    public init(model: AgentModelSize, maxAgents: Int, seed: UInt64) {
        precondition(maxAgents >= 1, "maxAgents must be at least 1")
        self.model = model
        self.maxAgents = maxAgents
        self.seed = seed
    }

    /// The number of agents now.
    public var count: Int {
        table.withLock { $0.agents.count }
    }

    /// Creates an agent with the next id (ids start at 1 and are never reused).
    /// - Parameter seed: seeds its model and generator; nil derives one (below 2^53) from the registry's seed and the id.
    /// - Returns: the new agent's record.
    /// - Throws: ``Refusal/full(maxAgents:)`` when ``maxAgents`` agents exist.
    /// - Complexity: O(model size) to build the model, outside the locks.
    @discardableResult
    public func create(seed requested: UInt64? = nil) throws(Refusal) -> AgentRecord {
        let maxAgents = self.maxAgents
        let id: Int? = table.withLock { table in
            guard table.agents.count + table.reserved < maxAgents else { return nil }
            table.reserved += 1
            defer { table.nextID += 1 }
            return table.nextID
        }
        guard let id else { throw .full(maxAgents: maxAgents) }
        // Derived seeds keep 53 bits so JSON readers that use doubles see them exactly.
        let agentSeed = requested ?? SplitMix64.derivedSeed(runSeed: seed, stream: id, purpose: 7) >> 11
        let agent = ActiveInferenceAgent(
            id: id,
            model: GenerativeModel(seededWith: agentSeed, size: model),
            seed: agentSeed &+ 1
        )
        let record = AgentRecord(id: id, seed: agentSeed, agent: agent)
        table.withLock { table in
            table.reserved -= 1
            table.agents[id] = record
        }
        return record
    }

    /// The agent with `id`, or nil.
    public func record(id: Int) -> AgentRecord? {
        table.withLock { $0.agents[id] }
    }

    /// Removes the agent with `id`; false when there was none. A request still using it finishes normally.
    @discardableResult
    public func remove(id: Int) -> Bool {
        table.withLock { $0.agents.removeValue(forKey: id) != nil }
    }
}

/// One agent of the registry and its lock.
public final class AgentRecord: Sendable {
    /// What changes as the agent steps.
    public struct State: Sendable {
        /// The agent (belief, model, generator).
        public var agent: ActiveInferenceAgent
        /// Steps taken through the API.
        public var steps = 0
        /// The action chosen by the last step (0 before the first), used when a step names none.
        public var lastAction = 0
    }

    /// The agent's id.
    public let id: Int
    /// The seed its model and generator came from.
    public let seed: UInt64
    private let state: Mutex<State>

    init(id: Int, seed: UInt64, agent: ActiveInferenceAgent) {
        self.id = id
        self.seed = seed
        self.state = Mutex(State(agent: agent))
    }

    /// Runs `body` with exclusive access to the agent's state.
    public func withState<Result: Sendable>(_ body: (inout State) -> Result) -> Result {
        state.withLock { body(&$0) }
    }
}
