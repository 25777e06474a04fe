/// One service-level objective of `bench capacity`: a measured quantity and its upper bound.
///
/// Quantities of the coordination ramp: `round_seconds.p50`, `round_seconds.p95`, `timeout_ratio`
/// (coordination scenario) and `bytes_per_agent` (memory scenario, p50 of heap bytes per agent).
/// Quantities of the API ramp: `api_latency_seconds.p95` (`api/step`), `api_mixed_latency_seconds.p95`
/// (`api/mixed`, measured only when an objective names it) and `api_error_ratio` (`api/step`, mean of
/// non-2xx and failed requests over attempts). Written `NAME<=VALUE`, several separated by commas.
struct ServiceObjective: Sendable, Hashable {
    var quantity: String
    var maximum: Double

    /// The quantities an objective may name, with the ramp that measures each.
    static let rampOfQuantity: [(quantity: String, ramp: CapacityRampKind)] = [
        ("round_seconds.p50", .coordination), ("round_seconds.p95", .coordination), ("timeout_ratio", .coordination),
        ("bytes_per_agent", .coordination), ("api_latency_seconds.p95", .api), ("api_mixed_latency_seconds.p95", .api),
        ("api_error_ratio", .api),
    ]

    /// The quantities an objective may name.
    static var quantities: [String] { rampOfQuantity.map(\.quantity) }

    /// The ramp that measures this objective's quantity.
    var ramp: CapacityRampKind {
        Self.rampOfQuantity.first { $0.quantity == quantity }?.ramp ?? .coordination
    }

    /// The defaults: round p95 within the scenario's round deadline, timeouts ≤ 5%, heap per agent
    /// within the published 34.5 MiB (coordination ramp); API step p95 ≤ 0.5 s and under 1% of
    /// requests failing, the `api/*` error_ratio budget of the thresholds (API ramp).
    static func defaults(roundDeadline: Double) -> [ServiceObjective] {
        [
            ServiceObjective(quantity: "round_seconds.p95", maximum: roundDeadline),
            ServiceObjective(quantity: "timeout_ratio", maximum: 0.05),
            ServiceObjective(quantity: "bytes_per_agent", maximum: 36_175_872),
            ServiceObjective(quantity: "api_latency_seconds.p95", maximum: 0.5),
            ServiceObjective(quantity: "api_error_ratio", maximum: 0.01),
        ]
    }

    /// The objectives of one ramp, in the given order. O(n).
    static func objectives(_ objectives: [ServiceObjective], of ramp: CapacityRampKind) -> [ServiceObjective] {
        objectives.filter { $0.ramp == ramp }
    }

    /// Parses `round_seconds.p95<=0.25,timeout_ratio<=0.05`; an empty list, an unknown name, a missing
    /// `<=` or a negative or non-numeric bound is a usage error.
    static func parse(_ text: String, command: String) throws(UsageError) -> [ServiceObjective] {
        var objectives: [ServiceObjective] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "<=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, quantities.contains(String(pieces[0])), let value = Double(pieces[1]), value >= 0, value.isFinite
            else {
                throw UsageError(
                    "--slo expects NAME<=VALUE pairs separated by commas with NAME one of \(quantities.joined(separator: ", ")), got \"\(part)\"",
                    command: command
                )
            }
            objectives.append(ServiceObjective(quantity: String(pieces[0]), maximum: value))
        }
        return objectives
    }

    /// `round_seconds.p95<=0.25`.
    var text: String { "\(quantity)<=\(CalibrationReport.formatNumber(maximum))" }

    /// Whether the bound is a time in seconds (drawn on the chart).
    var isSeconds: Bool { quantity.contains("seconds") }
}
