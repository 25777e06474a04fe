/// One agent's offer to do one task, worth `value` (higher is better).
public struct TaskBid: Sendable, Hashable {
    /// The task bid for.
    public var taskID: Int
    /// The bidding agent.
    public var agentID: Int
    /// The bid's value: the agent's expected value of doing the task (see ``ActiveInferenceAgent/bids(for:geometry:committedTaskID:)``); > 0 to count.
    public var value: Double

    /// Creates a bid.
    public init(taskID: Int, agentID: Int, value: Double) {
        self.taskID = taskID
        self.agentID = agentID
        self.value = value
    }
}

/// The award step of the contract net protocol (Smith, "The Contract Net Protocol", IEEE Trans.
/// Computers C-29(12), 1980): given all bids, give each task to at most one agent and each agent at most
/// one task.
public enum ContractNet {
    /// Awards tasks greedily: bids sorted by value (highest first), then agent id, then task id (both
    /// lowest first); each bid wins if neither its task nor its agent has won yet.
    ///
    /// Bids whose value is not finite and positive are ignored. The result depends only on the set of
    /// bids, not on their order.
    /// - Returns: Task id → winning agent id.
    /// - Complexity: O(b log b) for b bids.
    public static func award(_ bids: [TaskBid]) -> [Int: Int] {
        let ranked = bids.filter { $0.value.isFinite && $0.value > 0 }.sorted { lhs, rhs in
            if lhs.value != rhs.value { return lhs.value > rhs.value }
            if lhs.agentID != rhs.agentID { return lhs.agentID < rhs.agentID }
            return lhs.taskID < rhs.taskID
        }
        var awards: [Int: Int] = [:]
        var busyAgents = Set<Int>()
        for bid in ranked where awards[bid.taskID] == nil && !busyAgents.contains(bid.agentID) {
            awards[bid.taskID] = bid.agentID
            busyAgents.insert(bid.agentID)
        }
        return awards
    }
}
