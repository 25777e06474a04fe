/// The dimensions of one agent's generative model: hidden states, observations, actions, planning horizon.
///
/// The sizes decide both the agent's work per step (planning costs about `policies × horizon` products of
/// an S×S matrix with a vector) and its memory (dominated by the transition tensor B, `actions × states²`
/// doubles). Two presets exist:
///
/// | preset | S | O | U | H | policy cap | model bytes |
/// | --- | --- | --- | --- | --- | --- | --- |
/// | ``production`` | 512 | 64 | 12 | 2 | 32 | 25,699,328 (24.5 MiB) |
/// | ``light`` | 64 | 8 | 5 | 2 | 32 | 173,184 (169 KiB) |
///
/// ``production`` stands in for the user's real agents, whose memory budget is 34.5 MiB (36,175,872 bytes)
/// per agent: 24.5 MiB leaves room for +10% injected memory (26.9 MiB) and the agent's small buffers.
/// ``light`` keeps coordination runs with many agents fast, yet its agents still spend most of a round
/// computing (about 50 S×S products per round) rather than passing messages, so that injected extra
/// work shows up in round times (with S = 16, messaging overhead hid about half of it).
public struct AgentModelSize: Sendable, Hashable, CustomStringConvertible {
    /// The number of hidden states S; also the number of cells of the agent's state grid.
    public var states: Int
    /// The number of observation symbols O; must be even (a region index times a near/far bit).
    public var observations: Int
    /// The number of actions U; actions 0–4 are stay, north, east, south, west and later ones repeat them.
    public var actions: Int
    /// The planning horizon H: the length of every policy, in steps.
    public var horizon: Int
    /// The largest number of policies scored per step; when Uᴴ is larger, a seeded sample of this many is scored.
    public var policyCap: Int

    /// Creates a model size; traps when a dimension is not positive or `observations` is odd.
    public init(states: Int, observations: Int, actions: Int, horizon: Int, policyCap: Int = 32) {
        precondition(states > 0 && actions > 0 && horizon > 0 && policyCap > 0, "model sizes must be positive")
        precondition(observations >= 2 && observations % 2 == 0, "observations must be even and at least 2")
        self.states = states
        self.observations = observations
        self.actions = actions
        self.horizon = horizon
        self.policyCap = policyCap
    }

    /// The size that matches the user's production agents: S = 512, O = 64, U = 12, H = 2, 32 policies.
    public static let production = AgentModelSize(states: 512, observations: 64, actions: 12, horizon: 2)

    /// A small size for fast coordination runs with many agents: S = 64, O = 8, U = 5, H = 2 (all 25 policies).
    public static let light = AgentModelSize(states: 64, observations: 8, actions: 5, horizon: 2)

    /// The number of doubles held by the generative model (see ``GenerativeModel`` for each array).
    ///
    /// `U·S²` (B) + `2·O·S` (A and its row-major log) + `S` (entropy of A's columns) + `2·O` (C and
    /// log softmax C) + `S` (D).
    public var modelDoubleCount: Int {
        actions * states * states + 2 * observations * states + states + 2 * observations + states
    }

    /// The bytes of the generative model's arrays, computed from the sizes (8 bytes per double).
    ///
    /// This is what one agent allocates and touches for its model, before per-step buffers (a few S-sized
    /// vectors) and any injected extra memory (see ``FaultInjection``).
    public var estimatedModelBytes: Int {
        modelDoubleCount * MemoryLayout<Double>.stride
    }

    /// The number of policies scored per step: min(Uᴴ, ``policyCap``), without overflowing.
    public var policiesPerStep: Int {
        var count = 1
        for _ in 0..<horizon {
            let (product, overflow) = count.multipliedReportingOverflow(by: actions)
            if overflow || product >= policyCap { return policyCap }
            count = product
        }
        return min(count, policyCap)
    }

    /// A short description such as `S=512 O=64 U=12 H=2`.
    public var description: String {
        "S=\(states) O=\(observations) U=\(actions) H=\(horizon)"
    }
}
