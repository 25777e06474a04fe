/// A two-sample t test whose unit is a whole run: one value per run (its gated statistic), so the
/// noise between runs, which samples of one run cannot show, decides what is significant.
///
/// With one candidate run this is the prediction test of a new observation: the candidate lies
/// beyond what a new run of the baseline's code would plausibly show. The variance is pooled over
/// both sides (the candidate contributes nothing with one run), degrees of freedom K + R − 2.
/// Values are compared on the log scale when all are positive (run-to-run noise of times is
/// multiplicative), else as they are.
///
/// Reference: Kalibera & Jones, "Rigorous Benchmarking in Reasonable Time", ISMM 2013 (the unit of
/// an experiment is the level of repetition whose variance dominates).
public struct RunLevelTest: Sendable, Hashable {
    /// The t statistic of candidate − baseline (positive: the candidate's values are larger).
    public var t: Double
    /// Degrees of freedom K + R − 2.
    public var degreesOfFreedom: Int
    /// Two-sided p-value.
    public var pValue: Double
    /// Runs on the baseline side (K) and the candidate side (R).
    public var baselineRuns: Int
    public var candidateRuns: Int
    /// Whether the values were compared as logarithms.
    public var isLogScale: Bool
    /// The pooled standard deviation of one run's value (log scale: about a relative deviation).
    public var runStandardDeviation: Double

    /// Runs the test, or nil when it cannot: fewer than 2 baseline runs, no candidate run, or
    /// no degree of freedom left for the variance.
    /// - Complexity: O(K + R).
    public static func test(candidate: [Double], baseline: [Double]) -> RunLevelTest? {
        guard baseline.count >= 2, !candidate.isEmpty else { return nil }
        let isLog = (candidate + baseline).allSatisfy { $0 > 0 && $0.isFinite }
        let transform: (Double) -> Double = isLog ? { LibM.log($0) } : { $0 }
        let base = baseline.map(transform)
        let cand = candidate.map(transform)
        let degrees = base.count + cand.count - 2
        let baseMean = Descriptive.mean(base)
        let candMean = Descriptive.mean(cand)
        let squares = base.reduce(0) { $0 + ($1 - baseMean) * ($1 - baseMean) }
            + cand.reduce(0) { $0 + ($1 - candMean) * ($1 - candMean) }
        let deviation = (squares / Double(degrees)).squareRoot()
        let standardError = deviation * (1 / Double(base.count) + 1 / Double(cand.count)).squareRoot()
        let difference = candMean - baseMean
        let t: Double
        if standardError > 0 {
            t = difference / standardError
        } else {
            t = difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
        }
        return RunLevelTest(
            t: t, degreesOfFreedom: degrees,
            pValue: StudentT.twoSidedPValue(t, degreesOfFreedom: Double(degrees)),
            baselineRuns: base.count, candidateRuns: cand.count, isLogScale: isLog,
            runStandardDeviation: deviation
        )
    }

    /// The smallest relative change (log scale) or absolute change (linear) of the candidate's mean
    /// that this design flags with the given power, at two-sided level `alpha`:
    /// (t₁₋α/₂ + t_power) · s · √(1/K + 1/R). Nil when the deviation is unknown.
    public func smallestDetectableChange(alpha: Double, power: Double = 0.95) -> Double? {
        guard runStandardDeviation.isFinite, alpha > 0, alpha < 1 else { return nil }
        let nu = Double(degreesOfFreedom)
        let critical = StudentT.quantile(1 - alpha / 2, degreesOfFreedom: nu)
            + StudentT.quantile(power, degreesOfFreedom: nu)
        let spread = critical * runStandardDeviation
            * (1 / Double(baselineRuns) + 1 / Double(candidateRuns)).squareRoot()
        return isLogScale ? LibM.exp(spread) - 1 : spread
    }
}
