extension ActiveInferenceAgent {
    /// The bonus factor on the bid for the task the agent won last round, so work in progress tends to stay put.
    public static let commitmentBonus = 1.25

    /// The agent's bids for `tasks`, computed from its belief about where it is.
    ///
    /// For each task: `value · confidence · commitment / (1 + E_q[d] + remainingWork)`, where `E_q[d]` is
    /// the Manhattan distance from each hidden state's cell to the task, averaged under the
    /// belief q; `confidence = 1 − ½ · H(q) / log S` (1 for a certain belief, ½ for a uniform one; 1 when
    /// S = 1); and `commitment` is ``commitmentBonus`` for `committedTaskID`, 1 otherwise.
    /// - Parameters:
    ///   - tasks: The open tasks, in the order the bids are returned.
    ///   - geometry: Where states are in the world.
    ///   - committedTaskID: The task the agent won last round, if any.
    /// - Complexity: O(S · (tasks + 1)).
    public func bids(for tasks: [WorldTask], geometry: WorldGeometry, committedTaskID: Int?) -> [TaskBid] {
        let states = model.size.states
        var entropy = 0.0
        for probability in belief where probability > 0 { entropy -= probability * LogSpace.naturalLog(probability) }
        let confidence = states > 1 ? 1 - 0.5 * entropy / LogSpace.naturalLog(Double(states)) : 1
        return tasks.map { task in
            var expectedDistance = 0.0
            let targetX = Double(task.location.x)
            let targetY = Double(task.location.y)
            for state in 0..<states {
                let centre = geometry.centre(ofState: state)
                expectedDistance += belief[state] * (abs(centre.x - targetX) + abs(centre.y - targetY))
            }
            let commitment = task.id == committedTaskID ? Self.commitmentBonus : 1
            let value =
                task.value * confidence * commitment / (1 + expectedDistance + Double(task.remainingWork))
            return TaskBid(taskID: task.id, agentID: id, value: value)
        }
    }
}
