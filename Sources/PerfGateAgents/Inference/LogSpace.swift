#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Log-space helpers shared by belief updates and planning: a floored logarithm, log-sum-exp and softmax.
///
/// Probabilities are floored at ``probabilityFloor`` before taking a logarithm (pymdp's `spm_log_single`
/// adds the same `EPS_VAL` = 1e-16), so a likelihood of exactly 0 becomes `log 1e-16 ≈ −36.8` instead of
/// −∞: a belief can be driven to nearly zero by impossible evidence but never to NaN, and evidence that
/// rules out every state still leaves a normalised belief.
public enum LogSpace {
    /// The smallest probability used inside a logarithm: 1e-16.
    public static let probabilityFloor = 1e-16

    /// The natural logarithm of `x` (no floor); `-inf` for 0, NaN for negative `x`.
    @inline(__always)
    public static func naturalLog(_ x: Double) -> Double {
        log(x)
    }

    /// `eˣ`.
    @inline(__always)
    public static func exponential(_ x: Double) -> Double {
        exp(x)
    }

    /// `log(max(p, 1e-16))`: finite for every probability, including 0; NaN is floored too.
    @inline(__always)
    public static func flooredLog(_ p: Double) -> Double {
        log(p > probabilityFloor ? p : probabilityFloor)
    }

    /// `log Σ exp(xᵢ)`, computed stably as `m + log Σ exp(xᵢ − m)` with `m = max xᵢ`.
    ///
    /// Returns −∞ for an empty input.
    /// - Complexity: O(n).
    public static func logSumExp(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { logSumExp($0) }
    }

    /// `log Σ exp(xᵢ)` over a buffer; see ``logSumExp(_:)-([Double])``.
    public static func logSumExp(_ values: UnsafeBufferPointer<Double>) -> Double {
        guard var maximum = values.first else { return -.infinity }
        for value in values where value > maximum { maximum = value }
        guard maximum.isFinite else { return maximum }
        var sum = 0.0
        for value in values { sum += exp(value - maximum) }
        return maximum + log(sum)
    }

    /// `softmax(x)ᵢ = exp(xᵢ − logΣexp(x))`; sums to 1 for any finite input.
    /// - Complexity: O(n).
    public static func softmax(_ values: [Double]) -> [Double] {
        let normaliser = logSumExp(values)
        return values.map { exp($0 - normaliser) }
    }

    /// `log softmax(x)ᵢ = xᵢ − logΣexp(x)`.
    /// - Complexity: O(n).
    public static func logSoftmax(_ values: [Double]) -> [Double] {
        let normaliser = logSumExp(values)
        return values.map { $0 - normaliser }
    }

    /// Replaces the log-probabilities in `values` by the normalised probabilities `softmax(values)`, in place.
    /// - Complexity: O(n).
    static func softmaxInPlace(_ values: UnsafeMutableBufferPointer<Double>) {
        let normaliser = logSumExp(UnsafeBufferPointer(values))
        for index in values.indices { values[index] = exp(values[index] - normaliser) }
    }
}
