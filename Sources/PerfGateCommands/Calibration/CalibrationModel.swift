import PerfGateStatistics

/// The formulas behind `bench calibrate`'s estimates; see ``CalibrationAnalysis`` for the method.
struct CalibrationModel {
    /// The per-test significance level (the thresholds' alpha; see ``CalibrationAnalysis``).
    var alpha: Double
    /// The probability of detection aimed for.
    var power: Double

    private var zAlpha: Double { StandardNormal.quantile(1 - alpha / 2) }
    private var zPower: Double { StandardNormal.quantile(power) }

    /// The smallest relative slowdown whose gated statistic crosses `limit` with the target power
    /// when the statistic's between-run noise is `noise`: limit + z(power) · noise.
    func limitFloor(limit: Double, noise: Double) -> Double { limit + zPower * noise }

    /// Noether (1987): the smallest relative shift a two-sided Mann–Whitney test of `samples` per side
    /// detects with the target power, for normal samples with coefficient of variation `cv`.
    ///
    /// Noether's normal approximation asks for P(candidate > baseline) ≥ 1 when samples are few. Then,
    /// if the exact test can still reach alpha by complete separation (every candidate above every
    /// baseline sample), the shift is the one at which each of the n² pairs is ordered with probability
    /// 1 − (1 − power)/n², so that all are with the target power (union bound); the nearly noise-free
    /// instruction counts are in that case. Infinity when no shift suffices (too few samples).
    func mannWhitneyShift(samples: Int, cv: Double) -> Double {
        guard samples > 0 else { return .infinity }
        let probability = 0.5 + (zAlpha + zPower) / (6 * Double(samples)).squareRoot()
        if probability < 1 { return cv * 2.0.squareRoot() * StandardNormal.quantile(probability) }
        guard samples >= MannWhitneyU.minimumSampleCount(toReach: alpha) else { return .infinity }
        let separation = 1 - (1 - power) / Double(samples * samples)
        return cv * 2.0.squareRoot() * StandardNormal.quantile(separation)
    }

    /// Noether (1987): samples per side for the test to detect a relative `shift` with the target power
    /// when the samples' coefficient of variation is `cv`, at least the count that can reach alpha.
    func samplesNeeded(shift: Double, cv: Double) -> Int {
        let floor = MannWhitneyU.minimumSampleCount(toReach: alpha)
        guard cv > 0 else { return floor }
        let excess = StandardNormal.cdf(shift / (cv * 2.0.squareRoot())) - 0.5
        guard excess > 0 else { return Int.max }
        let total = (zAlpha + zPower) * (zAlpha + zPower) / (3 * excess * excess)
        return max(floor, Int((total / 2).rounded(.up)))
    }

    /// The advice for `target`: (maxRegression, samples per side, nil) when the between-run `noise`
    /// allows the target, else (nil, nil, worker processes needed) for a suite of `workerCount` processes.
    func advice(
        noise: Double, cv: Double, target: CalibrationAnalysis.Target, workerCount: Int
    ) -> (limit: Double?, samples: Int?, workers: Int?) {
        let zFalse = StandardNormal.quantile(1 - target.falseFailureRate)
        let zCatch = StandardNormal.quantile(target.power)
        if (zFalse + zCatch) * noise <= target.slowdown {
            let limit = target.slowdown - zCatch * noise
            return (limit, samplesNeeded(shift: target.slowdown, cv: cv), nil)
        }
        let factor = (zFalse + zCatch) * noise / target.slowdown
        return (nil, nil, Int((Double(workerCount) * factor * factor).rounded(.up)))
    }
}
