/// One ramp of `bench capacity` as the document reports it: its objectives, its maximum and what
/// its search found, or why it did not run.
struct CapacityRampResult {
    var kind: CapacityRampKind
    /// The objectives this ramp checked (its share of `--slo`).
    var objectives: [ServiceObjective]
    /// The largest count the ramp could try.
    var maxAgents: Int
    /// What the search found; nil when the ramp was skipped.
    var outcome: CapacityRamp.Outcome?
    /// Why the ramp was skipped (a sentence), or nil when it ran.
    var skipReason: String?

    /// The measured points, by agent count (none when skipped).
    var points: [CapacityPoint] { outcome?.points ?? [] }

    /// Per objective: the largest count that held it before the first count that broke it, and that count.
    func objectiveRows() -> [[String]] {
        objectives.map { objective in
            var holds: Int?
            var broken: Int?
            for point in points {
                guard let value = point.value(of: objective.quantity) else { continue }
                if value > objective.maximum { broken = point.agents; break }
                holds = point.agents
            }
            let status =
                if outcome == nil || holds == nil && broken == nil { "not measured" } else { broken.map(String.init) ?? "not broken (measured up to \(holds!))" }
            return ["`\(objective.text)`", kind.rawValue, holds.map(String.init) ?? "—", status]
        }
    }
}
