public import PerfGateResults

extension Correction {
    /// The correction as people name it: `Holm` or `no correction`.
    public var label: String {
        switch self {
        case .holm: "Holm"
        case .none: "no correction"
        }
    }

    /// `alpha 0.01, Holm`: the significance level (Swift's shortest decimal form) and this correction.
    public func describe(alpha: Double) -> String {
        "alpha \(alpha), \(label)"
    }
}
