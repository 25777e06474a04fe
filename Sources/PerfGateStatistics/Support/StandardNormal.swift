/// The standard normal distribution N(0, 1): survival function and quantile function.
///
/// Used by the asymptotic Mann–Whitney p-value and the large-sample Hodges–Lehmann interval.
public enum StandardNormal {
    /// The cumulative distribution function Φ(x) = P(Z ≤ x).
    ///
    /// Computed as Cephes' `ndtr` does (the routine behind `scipy.special.ndtr`): with t = x/√2,
    /// ½ + ½·erf(t) for |t| < 1/√2, otherwise ½·erfc(|t|) or its complement, so the lower tail keeps
    /// full relative precision down to the underflow of Double (Φ(−38) ≈ 2.9e−316).
    /// Edge cases: Φ(−∞) = 0, Φ(+∞) = 1; NaN gives NaN.
    /// Tested against `scipy.special.ndtr` through the asymptotic Mann–Whitney golden vectors.
    public static func cdf(_ x: Double) -> Double {
        let t = x * (0.5 as Double).squareRoot()
        let z = abs(t)
        if z < (0.5 as Double).squareRoot() {
            return 0.5 + 0.5 * LibM.erf(t)
        }
        let y = 0.5 * LibM.erfc(z)
        return t > 0 ? 1 - y : y
    }

    /// The survival function 1 − Φ(x) = P(Z > x), accurate in the upper tail: Φ(−x).
    public static func survival(_ x: Double) -> Double {
        cdf(-x)
    }

    /// The quantile function Φ⁻¹(p): the z with Φ(z) = p.
    ///
    /// Acklam's rational approximation (relative error < 1.15e−9), refined by one Halley step on
    /// `cdf`, which brings it to about 1e−15 relative (Acklam, "An algorithm for computing the inverse
    /// normal cumulative distribution function", 2003). Tested against `scipy.stats.norm.ppf`.
    /// - Precondition: 0 < p < 1.
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "StandardNormal.quantile needs 0 < p < 1, got \(p)")
        let x = acklam(p)
        // One Halley step: f(x) = Φ(x) − p, f' = φ(x), f'' = −x·φ(x).
        let e = cdf(x) - p
        let u = e * (2 * Double.pi).squareRoot() * LibM.exp(x * x / 2)
        return x - u / (1 + x * u / 2)
    }

    private static let a = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    private static let b = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01,
    ]
    private static let c = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ]
    private static let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]

    /// Acklam's approximation; regions split at p = 0.02425 and 1 − 0.02425.
    private static func acklam(_ p: Double) -> Double {
        let (a, b, c, d) = (Self.a, Self.b, Self.c, Self.d)
        let low = 0.02425
        if p < low || p > 1 - low {
            let q = (-2 * LibM.log(p < low ? p : 1 - p)).squareRoot()
            let numerator = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]
            let denominator = (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
            return p < low ? numerator / denominator : -numerator / denominator
        }
        let q = p - 0.5
        let r = q * q
        let numerator = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        let denominator = ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1
        return numerator / denominator
    }
}
