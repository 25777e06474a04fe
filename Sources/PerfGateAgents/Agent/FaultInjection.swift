/// Known regressions that can be injected into every agent, to prove that the gate catches them.
///
/// - `slowdown` f makes each agent do `1 + f` times its real work: after every belief update it repeats
///   the update over the first `f·S` columns and entries (so `f·S²` more multiply-adds and `f·S` more
///   logarithms and exponentials, with the fractional column carried to the next update), and after every
///   planning step it re-scores `⌊f·P⌋` policies plus one policy over the remaining fraction of the
///   columns, so each step does the same extra work. Belief updates and planning are nearly all of an
///   agent's work (bidding is O(S·tasks)), so agent time grows by close to f; measured in a release build,
///   one light agent's plan-and-update time grows by about 10–12% for f = 0.10. The coordinator's own
///   work (message passing, awarding, moving) is not scaled, so a round grows by somewhat less than f.
///   The repeated work writes only to scratch buffers and a checksum, never to the belief, so results do
///   not change. No sleeping.
/// - `extraMemory` m makes each agent allocate, fill with real values, and keep using an episodic buffer of
///   `m · (model doubles)` doubles: the belief is written into it after every update, as a ring.
///
/// ``none`` injects nothing.
public struct FaultInjection: Sendable, Hashable {
    /// The fraction of extra real work per agent (0.05 = 5% more); finite and ≥ 0.
    public var slowdown: Double
    /// The fraction of extra memory per agent, relative to the model's bytes (0.10 = 10% more); finite and ≥ 0.
    public var extraMemory: Double

    /// Creates an injection; traps on a negative or non-finite fraction.
    public init(slowdown: Double = 0, extraMemory: Double = 0) {
        precondition(slowdown.isFinite && slowdown >= 0, "slowdown must be a finite fraction ≥ 0")
        precondition(extraMemory.isFinite && extraMemory >= 0, "extraMemory must be a finite fraction ≥ 0")
        self.slowdown = slowdown
        self.extraMemory = extraMemory
    }

    /// No injected fault.
    public static let none = FaultInjection()

    /// The number of extra doubles one agent of `size` allocates: `round(extraMemory · modelDoubleCount)`.
    public func extraDoubles(for size: AgentModelSize) -> Int {
        Int((extraMemory * Double(size.modelDoubleCount)).rounded())
    }
}
