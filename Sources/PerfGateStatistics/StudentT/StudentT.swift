/// Student's t distribution with ν degrees of freedom: survival function and quantile.
///
/// Used by the run-level test of wall-time metrics (``RunLevelTest``), whose unit is a whole run:
/// with a handful of runs per side the t distribution, not the normal, gives honest p-values.
public enum StudentT {
    /// P(T > t) for T ~ t(ν).
    ///
    /// Computed from the regularized incomplete beta function: P(T > t) = ½ · I_x(ν/2, ½) with
    /// x = ν / (ν + t²) for t ≥ 0, and 1 − P(T > −t) below 0. Relative error about 1e−12 against
    /// `scipy.stats.t.sf` (golden vectors in the tests).
    /// - Precondition: ν > 0.
    public static func survival(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "StudentT needs ν > 0, got \(nu)")
        if t.isNaN { return .nan }
        if t == .infinity { return 0 }
        if t == -.infinity { return 1 }
        let tail = 0.5 * IncompleteBeta.regularized(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t >= 0 ? tail : 1 - tail
    }

    /// The two-sided p-value P(|T| ≥ |t|) for T ~ t(ν).
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        min(1, 2 * survival(abs(t), degreesOfFreedom: nu))
    }

    /// The quantile: the t with P(T ≤ t) = p, by bisection on ``survival(_:degreesOfFreedom:)``
    /// to a relative precision of about 1e−12.
    /// - Precondition: 0 < p < 1 and ν > 0.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1, "StudentT.quantile needs 0 < p < 1, got \(p)")
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: nu) }
        let upper = 1 - p
        var low = 0.0
        var high = 1.0
        while survival(high, degreesOfFreedom: nu) > upper { high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if survival(middle, degreesOfFreedom: nu) > upper { low = middle } else { high = middle }
            if high - low <= 1e-13 * high { break }
        }
        return (low + high) / 2
    }
}

/// The regularized incomplete beta function I_x(a, b).
enum IncompleteBeta {
    /// I_x(a, b) by the continued fraction of Numerical Recipes (`betai`/`betacf`, modified Lentz),
    /// using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
    static func regularized(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = LibM.logGamma(a + b) - LibM.logGamma(a) - LibM.logGamma(b)
            + a * LibM.log(x) + b * LibM.log1p(-x)
        let front = LibM.exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
