// The few transcendental functions the statistics need, from the platform C library.
//
// The standard library has no `exp`, `log` or `erfc`; writing our own to 1 ulp would be a libm of
// our own. glibc's (and Darwin's) versions are correctly rounded or within 1 ulp, which the golden
// tests against scipy (tolerance 1e-9 relative) rely on. Only this file imports the C library.

#if canImport(Glibc)
private import Glibc
#elseif canImport(Musl)
private import Musl
#elseif canImport(Darwin)
private import Darwin
#else
#error("PerfGateStatistics needs a C math library (exp, log, erfc, lgamma).")
#endif

/// Thin wrappers so the rest of the module does not import the C library.
enum LibM {
    /// e^x.
    @inline(__always) static func exp(_ x: Double) -> Double { c_exp(x) }
    /// The natural logarithm.
    @inline(__always) static func log(_ x: Double) -> Double { c_log(x) }
    /// ln(1 + x), accurate for small x.
    @inline(__always) static func log1p(_ x: Double) -> Double { c_log1p(x) }
    /// The error function.
    @inline(__always) static func erf(_ x: Double) -> Double { c_erf(x) }
    /// The complementary error function 1 − erf(x).
    @inline(__always) static func erfc(_ x: Double) -> Double { c_erfc(x) }
    /// ln|Γ(x)|.
    @inline(__always) static func logGamma(_ x: Double) -> Double { c_lgamma(x) }
}

// Module-level aliases: inside `enum LibM`, `exp` would resolve to the static member itself.
@inline(__always) private func c_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func c_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func c_log1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) private func c_erf(_ x: Double) -> Double { erf(x) }
@inline(__always) private func c_erfc(_ x: Double) -> Double { erfc(x) }
@inline(__always) private func c_lgamma(_ x: Double) -> Double { lgamma(x) }
