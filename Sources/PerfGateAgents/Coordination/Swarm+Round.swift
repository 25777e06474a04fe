extension Swarm {
    /// What the bid phase gathered: proposals by agent id, how many were late, and when dispatch ended.
    struct ProposalCollection {
        var proposals: [Proposal]
        var lateProposals: Int
        var dispatched: ContinuousClock.Instant
        /// Arrival of each agent's proposal after `dispatched`, by agent id.
        var arrivals: [Duration]
    }

    /// Runs one round of announce, bid, award and act, and returns what happened.
    ///
    /// Rounds must not overlap: await one before starting the next (overlapping calls trap). A round
    /// ignores cancellation and always completes, so the swarm's state never stops half-way through a round.
    /// - Complexity: per agent O(P·H·(S² + O·S)) for planning plus O(S²) for the belief update, run in
    ///   parallel over agents; O(b log b) for awarding b = agents × tasks bids.
    public func runRound() async -> RoundOutcome {
        // The round runs in a task of its own, which does not inherit the caller's cancellation:
        // a cancelled caller would otherwise end the mailboxes' streams early and leave the round
        // with missing proposals. The caller still waits for the round to finish.
        await Task { await self.performRound() }.value
    }

    /// One round, as ``runRound()`` documents; never called with a cancelled task.
    private func performRound() async -> RoundOutcome {
        precondition(!isRunningRound, "runRound() calls must not overlap; await each round before the next")
        isRunningRound = true
        defer { isRunningRound = false }
        let round = roundsCompleted + 1
        let clock = ContinuousClock()
        let start = clock.now
        let collection = await collectProposals(round: round, clock: clock, start: start)
        let awardStart = clock.now
        let awards = ContractNet.award(collection.proposals.flatMap(\.bids))
        let actStart = clock.now
        let (actions, completed) = applyActions(awards: awards, proposals: collection.proposals)
        let reports = await deliverObservations(round: round, awards: awards, actions: actions)
        let end = clock.now
        recordDigest(round: round, awards: awards, reports: reports)
        roundsCompleted = round
        return RoundOutcome(
            round: round,
            awards: awards,
            completedTaskIDs: completed,
            messages: 4 * agentCount + awards.count,
            agentSteps: 2 * agentCount,
            timedOut: collection.lateProposals > 0,
            lateProposals: collection.lateProposals,
            phases: PhaseDurations(
                announce: collection.dispatched - start,
                bid: awardStart - collection.dispatched,
                award: actStart - awardStart,
                act: end - actStart
            ),
            stateDigest: stateDigest,
            bidArrivals: collection.arrivals
        )
    }

    /// Sends the call for proposals to every agent in parallel and gathers every proposal from the mailbox.
    private func collectProposals(
        round: Int,
        clock: ContinuousClock,
        start: ContinuousClock.Instant
    ) async
        -> ProposalCollection
    {
        let inbox = Mailbox<CoordinatorMessage>()
        let deadline = start.advanced(by: roundDeadline)
        let call = AgentMessage.callForProposals(round: round, tasks: world.tasks)
        let nodes = self.nodes
        return await withTaskGroup(of: Void.self) { group in
            for node in nodes {
                group.addTask {
                    if let reply = await node.receive(call) { inbox.send(reply) }
                }
            }
            let dispatched = clock.now
            var slots = [Proposal?](repeating: nil, count: nodes.count)
            var received = 0
            var late = 0
            var arrivals = [Duration](repeating: .zero, count: nodes.count)
            for await message in inbox.messages {
                guard case .proposal(let proposal) = message else { continue }
                let now = clock.now
                if now >= deadline { late += 1 }
                arrivals[proposal.agentID] = now - dispatched
                slots[proposal.agentID] = proposal
                received += 1
                if received == nodes.count { break }
            }
            inbox.close()
            await group.waitForAll()
            return ProposalCollection(
                proposals: slots.compactMap { $0 },
                lateProposals: late,
                dispatched: dispatched,
                arrivals: arrivals
            )
        }
    }

    /// Moves every agent (winners towards their task, others by their planned action), in id order, then
    /// reopens tasks. Returns the action each agent took (by id) and the ids of completed tasks.
    private func applyActions(awards: [Int: Int], proposals: [Proposal]) -> (actions: [Int], completed: [Int]) {
        let taskByAgent = Dictionary(uniqueKeysWithValues: awards.map { ($0.value, $0.key) })
        let taskByID = Dictionary(uniqueKeysWithValues: world.tasks.map { ($0.id, $0) })
        var actions: [Int] = []
        var completed: [Int] = []
        for proposal in proposals {
            let agentID = proposal.agentID
            guard let taskID = taskByAgent[agentID], let task = taskByID[taskID] else {
                world.move(agentID: agentID, direction: proposal.intendedAction % 5)
                actions.append(proposal.intendedAction)
                continue
            }
            let direction = world.geometry.direction(from: world.positions[agentID], towards: task.location)
            if direction == 0 {
                if world.work(onTask: taskID) { completed.append(taskID) }
            } else {
                world.move(agentID: agentID, direction: direction)
            }
            actions.append(direction)
        }
        world.replenishTasks()
        return (actions, completed.sorted())
    }

    /// Sends awards and observations to every agent in parallel; returns (observation, belief digest) by id.
    private func deliverObservations(
        round: Int,
        awards: [Int: Int],
        actions: [Int]
    ) async
        -> [(observation: Int, beliefDigest: UInt64)]
    {
        let inbox = Mailbox<CoordinatorMessage>()
        let taskByAgent = Dictionary(uniqueKeysWithValues: awards.map { ($0.value, $0.key) })
        let tasks = world.tasks
        let positions = world.positions
        let nodes = self.nodes
        return await withTaskGroup(of: Void.self) { group in
            for node in nodes {
                let award = taskByAgent[node.id].map { AgentMessage.award(round: round, taskID: $0) }
                let observe = AgentMessage.observe(
                    round: round,
                    action: actions[node.id],
                    position: positions[node.id],
                    tasks: tasks
                )
                group.addTask {
                    if let award { _ = await node.receive(award) }
                    if let reply = await node.receive(observe) { inbox.send(reply) }
                }
            }
            var reports = [(observation: Int, beliefDigest: UInt64)](repeating: (0, 0), count: nodes.count)
            var received = 0
            for await message in inbox.messages {
                guard case .report(let agentID, let observation, let beliefDigest) = message else { continue }
                reports[agentID] = (observation, beliefDigest)
                received += 1
                if received == nodes.count { break }
            }
            inbox.close()
            await group.waitForAll()
            return reports
        }
    }

    /// Folds this round's awards, positions, open tasks and reports into ``stateDigest``.
    private func recordDigest(round: Int, awards: [Int: Int], reports: [(observation: Int, beliefDigest: UInt64)]) {
        var digest = StateDigest()
        digest.combine(stateDigest)
        digest.combine(round)
        for (taskID, agentID) in awards.sorted(by: { $0.key < $1.key }) {
            digest.combine(taskID)
            digest.combine(agentID)
        }
        for position in world.positions {
            digest.combine(position.x)
            digest.combine(position.y)
        }
        for task in world.tasks {
            digest.combine(task.id)
            digest.combine(task.remainingWork)
        }
        for report in reports {
            digest.combine(report.observation)
            digest.combine(report.beliefDigest)
        }
        stateDigest = digest.value
    }
}
