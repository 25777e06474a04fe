/// One agent of a ``Swarm`` as an actor: its mailbox is the actor's queue, and it answers each message.
///
/// Holds the agent's state between rounds (the ``ActiveInferenceAgent``, its sensor generator, the task it
/// won last round). Each node runs on the shared cooperative pool, so nodes of one round work in parallel.
actor AgentNode {
    /// The agent's id.
    let id: Int
    private var agent: ActiveInferenceAgent
    private let geometry: WorldGeometry
    private var sensor: Xoshiro256StarStar
    private var committedTaskID: Int?

    /// Creates the node for `agent`, with a sensor seeded by `sensorSeed`.
    init(agent: ActiveInferenceAgent, geometry: WorldGeometry, sensorSeed: UInt64) {
        self.id = agent.id
        self.agent = agent
        self.geometry = geometry
        self.sensor = Xoshiro256StarStar(seed: sensorSeed)
    }

    /// The bytes the agent allocated (model, buffers, injected memory).
    var allocatedBytes: Int { agent.allocatedBytes }

    /// The agent's current belief.
    var belief: [Double] { agent.belief }

    /// Handles one message; returns the reply to send to the coordinator, if any.
    ///
    /// - A call for proposals plans (expected free energy) and bids for every task; it always replies.
    /// - An award records the task won; no reply.
    /// - An observation reads the sensor and updates the belief; it always replies with a report.
    func receive(_ message: AgentMessage) -> CoordinatorMessage? {
        switch message {
        case .callForProposals(_, let tasks):
            let step = agent.plan()
            let bids = agent.bids(for: tasks, geometry: geometry, committedTaskID: committedTaskID)
            committedTaskID = nil
            return .proposal(Proposal(agentID: id, intendedAction: step.action, bids: bids))
        case .award(_, let taskID):
            committedTaskID = taskID
            return nil
        case .observe(_, let action, let position, let tasks):
            let observation = geometry.observation(at: position, tasks: tasks, generator: &sensor)
            agent.observe(observation, after: action)
            return .report(agentID: id, observation: observation, beliefDigest: StateDigest.of(agent.belief))
        }
    }
}
