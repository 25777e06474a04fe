extension ActiveInferenceAgent {
    /// Draws this step's policies into `policies` when the agent samples them; exhaustive lists never change.
    mutating func fillPolicies() {
        guard samplesPolicies else { return }
        let size = model.size
        for slot in policies.indices {
            policies[slot] = Int(generator.next() % UInt64(size.actions))
        }
    }

    /// Every policy in index order (H actions each, flattened), or nil when Uᴴ exceeds the policy cap.
    static func enumeratedPolicies(_ size: AgentModelSize) -> [Int]? {
        var total = 1
        for _ in 0..<size.horizon {
            let (product, overflow) = total.multipliedReportingOverflow(by: size.actions)
            if overflow || product > size.policyCap { return nil }
            total = product
        }
        return (0..<total).flatMap { index in
            ExpectedFreeEnergy.policyActions(index: index, actions: size.actions, horizon: size.horizon)
        }
    }

    /// Scores the first `count` policies; stores G in `scores` or, for injected work, folds it into a checksum.
    mutating func scorePolicies(count: Int, columnLimit: Int, recordScores: Bool) {
        let horizon = model.size.horizon
        let total = scores.count
        var checksum = 0.0
        model.withBuffers { buffers in
            belief.withUnsafeBufferPointer { belief in
                policies.withUnsafeBufferPointer { policies in
                    for index in 0..<count {
                        let slot = index % total
                        let policy = UnsafeBufferPointer(rebasing: policies[(slot * horizon)..<((slot + 1) * horizon)])
                        let terms = workspace.evaluate(
                            policy: policy,
                            columnLimit: columnLimit,
                            from: belief,
                            model: buffers
                        )
                        if recordScores { scores[slot] = terms.total } else { checksum += terms.total }
                    }
                }
            }
        }
        injectedWorkChecksum += checksum
    }

    /// The index of the chosen policy under ``selection``.
    mutating func choosePolicy() -> Int {
        switch selection {
        case .minimum:
            var best = 0
            for index in scores.indices where scores[index] < scores[best] { best = index }
            return best
        case .sampled(let precision):
            let probabilities = LogSpace.softmax(scores.map { -precision * $0 })
            let draw = generator.nextUnitDouble()
            var cumulative = 0.0
            for (index, probability) in probabilities.enumerated() {
                cumulative += probability
                if draw < cumulative { return index }
            }
            return probabilities.count - 1
        }
    }

    /// Writes the current belief into the injected episodic ring buffer (no-op without injected memory).
    mutating func rememberBelief() {
        let capacity = episodicMemory.count
        guard capacity > 0 else { return }
        for value in belief {
            episodicMemory[episodicCursor] = value
            episodicCursor = episodicCursor + 1 == capacity ? 0 : episodicCursor + 1
        }
    }

    /// Injected work after planning: re-scores `slowdown · P` policies, the fractional part as one policy
    /// scored over that fraction of the columns, so every step does the same extra work.
    mutating func repeatPlanningWork() {
        let credit = injection.slowdown * Double(scores.count)
        guard credit > 0 else { return }
        let states = model.size.states
        let wholePolicies = Int(credit)
        let partialColumns = Int(((credit - Double(wholePolicies)) * Double(states)).rounded())
        if wholePolicies > 0 { scorePolicies(count: wholePolicies, columnLimit: states, recordScores: false) }
        if partialColumns > 0 { scorePolicies(count: 1, columnLimit: partialColumns, recordScores: false) }
    }

    /// Injected work after a belief update: the update again over `slowdown · S` columns and entries.
    mutating func repeatBeliefWork(observation: Int, action: Int) {
        let states = model.size.states
        extraColumnCredit += injection.slowdown * Double(states)
        var columns = Int(extraColumnCredit)
        guard columns > 0 else { return }
        extraColumnCredit -= Double(columns)
        while columns > 0 {
            let limit = min(columns, states)
            injectedWorkChecksum += partialBeliefUpdate(observation: observation, action: action, limit: limit)
            columns -= limit
        }
    }

    /// The first `limit` columns of the prediction and `limit` entries of the log-posterior, into scratch.
    private mutating func partialBeliefUpdate(observation: Int, action: Int, limit: Int) -> Double {
        let states = model.size.states
        return model.withBuffers { buffers in
            belief.withUnsafeBufferPointer { belief in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    Kernels.multiply(
                        matrix: buffers.transitions,
                        offset: buffers.transitionOffset(action: action),
                        rows: states,
                        columnLimit: limit,
                        vector: belief,
                        into: scratch
                    )
                    let logRow = buffers.logLikelihoodRows.baseAddress! + observation * states  // Non-empty.
                    for state in 0..<limit { scratch[state] = LogSpace.flooredLog(scratch[state]) + logRow[state] }
                    return LogSpace.logSumExp(UnsafeBufferPointer(rebasing: scratch[0..<limit]))
                }
            }
        }
    }
}
