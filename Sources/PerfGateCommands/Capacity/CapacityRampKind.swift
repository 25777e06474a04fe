/// The two searches of `bench capacity`: how many agents coordination holds, and how many API
/// connections (one agent each) the HTTP service holds.
enum CapacityRampKind: String, Sendable, Hashable, CaseIterable {
    /// `coordination/*` and `memory/*` at each count: round times, timeouts, heap per agent.
    case coordination
    /// `api/step` (and `api/mixed` when an objective names it) at each count: request latency, errors.
    case api

    /// `--ramp` values: each kind, or both.
    static let optionValues = ["coordination", "api", "both"]

    /// The kinds a `--ramp` value selects (nil or `both`: both, coordination first).
    static func selected(by option: String?) -> [CapacityRampKind] {
        switch option {
        case "coordination": [.coordination]
        case "api": [.api]
        default: allCases
        }
    }

    /// A heading: `Coordination` or `API`.
    var title: String { self == .api ? "API" : "Coordination" }
}
