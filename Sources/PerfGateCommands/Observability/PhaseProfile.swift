import PerfGateAgents

/// The share of round time each coordination phase took, and the one that dominates.
struct PhaseProfile: Equatable {
    /// Phase name and its share of the summed round time (0...1), in round order.
    var shares: [(name: String, share: Double)]
    /// Rounds the totals cover.
    var rounds: Int

    /// Shares from phase totals over `rounds` rounds (all zero when no time was measured).
    init(totals: PhaseDurations, rounds: Int) {
        let parts = [("announce", totals.announce), ("bid", totals.bid), ("award", totals.award), ("act", totals.act)]
        let sum = parts.reduce(0.0) { $0 + Double(CoordinationTracer.nanos($1.1)) }
        shares = parts.map { (name: $0.0, share: sum > 0 ? Double(CoordinationTracer.nanos($0.1)) / sum : 0) }
        self.rounds = rounds
    }

    /// The phase with the largest share (the first one on ties).
    var dominant: (name: String, share: Double) {
        shares.reduce(shares[0]) { $1.share > $0.share ? $1 : $0 }
    }

    /// `BENCHMARK: bid 71% of round time (announce 2%, award 1%, act 26%; 20 rounds)`.
    func line(benchmark: String) -> String {
        let top = dominant
        let others = shares.filter { $0.name != top.name }.map { "\($0.name) \(Self.percent($0.share))" }
        return "\(benchmark): \(top.name) \(Self.percent(top.share)) of round time "
            + "(\(others.joined(separator: ", ")); \(rounds) rounds)"
    }

    static func == (lhs: PhaseProfile, rhs: PhaseProfile) -> Bool {
        lhs.rounds == rhs.rounds && lhs.shares.elementsEqual(rhs.shares) { $0.name == $1.name && $0.share == $1.share }
    }

    private static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
