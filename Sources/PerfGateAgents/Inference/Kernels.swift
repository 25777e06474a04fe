/// The numeric inner loops of inference and planning, on raw buffers so they vectorise and never allocate.
enum Kernels {
    /// `out = M · v` for a column-major `rows × columns` matrix, using only the first `columnLimit` columns.
    ///
    /// Each column is added as `out += v[c] · M[:, c]` (an axpy over a contiguous column). Passing fewer
    /// columns does proportionally less work; fault injection uses this to repeat a fraction of a product.
    /// - Complexity: O(rows × columnLimit).
    @inline(__always)
    static func multiply(
        matrix: UnsafeBufferPointer<Double>,
        offset: Int,
        rows: Int,
        columnLimit: Int,
        vector: UnsafeBufferPointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        let base = matrix.baseAddress! + offset  // Non-empty: callers pass whole model arrays.
        let target = out.baseAddress!
        for row in 0..<rows { target[row] = 0 }
        for column in 0..<columnLimit {
            let weight = vector[column]
            let source = base + column * rows
            for row in 0..<rows { target[row] += weight * source[row] }
        }
    }

    /// `Σ_s q(s) · h(s)`: the expected value of `values` under the distribution `weights`.
    /// - Complexity: O(n).
    @inline(__always)
    static func dot(_ weights: UnsafeBufferPointer<Double>, _ values: UnsafeBufferPointer<Double>, count: Int) -> Double
    {
        var sum = 0.0
        for index in 0..<count { sum += weights[index] * values[index] }
        return sum
    }

    /// The risk term `KL(q(o) ‖ p(o)) = Σ_o q(o) (log q(o) − log p(o))`, with `log p` given and `log q` floored.
    /// - Complexity: O(n).
    @inline(__always)
    static func divergence(
        _ predicted: UnsafeBufferPointer<Double>,
        logPreferred: UnsafeBufferPointer<Double>,
        count: Int
    ) -> Double {
        var sum = 0.0
        for index in 0..<count {
            let q = predicted[index]
            if q > 0 { sum += q * (LogSpace.flooredLog(q) - logPreferred[index]) }
        }
        return sum
    }
}
