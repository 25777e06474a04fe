/// The agent-count search of `bench capacity`: doubling from 1 until an objective breaks or the
/// maximum is passed, then bisection between the largest count that held and the first that failed.
struct CapacityRamp {
    /// What the search found.
    struct Outcome {
        /// Every measured point, by agent count.
        var points: [CapacityPoint]
        /// The largest count that met every objective, or nil when 1 agent already failed.
        var largestHolding: Int?
        /// The smallest count measured to fail, or nil when none up to the maximum failed.
        var firstFailing: Int?
        /// The objectives the first failing count broke.
        var failedObjectives: [String]
    }

    var objectives: [ServiceObjective]
    var maxAgents: Int
    /// Bisection steps after the doubling phase.
    var bisectionSteps: Int

    /// Runs the search; `measure` measures one agent count.
    func search(measure: (Int) async throws -> CapacityPoint) async throws -> Outcome {
        var points: [Int: CapacityPoint] = [:]
        var holding: Int?
        var failing: Int?
        var count = 1
        while count <= maxAgents {
            let point = try await measure(count)
            points[count] = point
            if point.failures(objectives).isEmpty { holding = count } else { failing = count; break }
            if count == maxAgents { break }
            count = min(count * 2, maxAgents)
        }
        if var low = holding, var high = failing {
            for _ in 0..<bisectionSteps where high - low > 1 {
                let middle = (low + high) / 2
                let point = try await measure(middle)
                points[middle] = point
                if point.failures(objectives).isEmpty { low = middle } else { high = middle }
            }
            (holding, failing) = (low, high)
        }
        let sorted = points.values.sorted { $0.agents < $1.agents }
        return Outcome(
            points: sorted, largestHolding: holding, firstFailing: failing,
            failedObjectives: failing.flatMap { points[$0]?.failures(objectives) } ?? []
        )
    }
}
