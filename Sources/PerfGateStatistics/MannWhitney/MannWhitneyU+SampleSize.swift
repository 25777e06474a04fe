extension MannWhitneyU {
    /// The smallest two-sided p-value samples of these sizes can reach: 2 / C(n₁ + n₂, n₁), at most 1.
    ///
    /// That is the exact two-sided p-value when the samples do not overlap at all. A gate uses it to
    /// call a comparison inconclusive when no difference could be significant at its alpha.
    /// C(n₁ + n₂, n₁) is computed exactly in integers while it is at most 2⁵³ (so the quotient is the
    /// correctly rounded one, as Python's `2 / math.comb(n1 + n2, n1)`), otherwise as
    /// exp(ln 2 − ln C) with ln C = Σᵢ₌₁..ₖ ln(1 + (N − k)/i), k = min(n₁, n₂), which underflows to 0
    /// below about 1e−308. Tested against Python's exact `math.comb`.
    /// - Parameters:
    ///   - candidateCount: n₁ ≥ 0.
    ///   - baselineCount: n₂ ≥ 0.
    /// - Returns: 1 when either count is 0 or when 2 / C ≥ 1.
    /// - Complexity: O(min(n₁, n₂)).
    public static func smallestTwoSidedPValue(candidateCount: Int, baselineCount: Int) -> Double {
        precondition(candidateCount >= 0 && baselineCount >= 0, "sample counts must not be negative")
        if let exact = exactBinomial(candidateCount + baselineCount, min(candidateCount, baselineCount)) {
            return min(1, 2 / exact)
        }
        let logC = logBinomial(candidateCount + baselineCount, min(candidateCount, baselineCount))
        return min(1, LibM.exp(LibM.log(2) - logC))
    }

    /// The smallest n such that n samples on each side can reach a two-sided p-value below `alpha`:
    /// the smallest n ≥ 1 with 2 / C(2n, n) < alpha.
    ///
    /// For example 4 for alpha 0.1 (2/C(6,3) = 0.1 is not below it), 5 for 0.01 and 7 for 0.001.
    /// - Precondition: alpha > 0.
    /// - Returns: 1 when alpha > 1.
    /// - Complexity: O(n²) with n the result (n ≤ 520 for alpha ≥ 1e−308).
    public static func minimumSampleCount(toReach alpha: Double) -> Int {
        precondition(alpha > 0, "alpha must be positive, got \(alpha)")
        var n = 1
        while smallestTwoSidedPValue(candidateCount: n, baselineCount: n) >= alpha {
            n += 1
        }
        return n
    }

    /// The smallest n such that n samples on one side, against `otherCount` on the other, can reach a
    /// two-sided p-value below `alpha`: the smallest n ≥ 1 with 2 / C(n + otherCount, n) < alpha.
    ///
    /// - Returns: nil when no n up to 2⁶² reaches alpha (always so for `otherCount` 0 and alpha ≤ 1;
    ///   with one other sample, alpha must exceed about 2/2⁶²).
    /// - Precondition: alpha > 0, otherCount ≥ 0.
    /// - Complexity: O(otherCount · 62) (doubling, then bisection, on a non-increasing bound).
    public static func minimumSampleCount(toReach alpha: Double, otherCount: Int) -> Int? {
        precondition(alpha > 0, "alpha must be positive, got \(alpha)")
        precondition(otherCount >= 0, "otherCount must not be negative")
        func reaches(_ n: Int) -> Bool {
            smallestTwoSidedPValue(candidateCount: n, baselineCount: otherCount) < alpha
        }
        var high = 1
        while !reaches(high) {
            if high >= 1 << 62 { return nil }
            high *= 2
        }
        var low = high / 2 + 1  // reaches(high / 2) is false or high == 1
        if high == 1 { return 1 }
        while low < high {
            let middle = low + (high - low) / 2
            if reaches(middle) { high = middle } else { low = middle + 1 }
        }
        return high
    }

    /// C(n, k) as a Double when it is an integer of at most 2⁵³ (exact), else nil.
    static func exactBinomial(_ n: Int, _ k: Int) -> Double? {
        var result: UInt64 = 1
        if k > 0 {
            for i in 1...k {
                // result · (n − k + i) / i is an integer at every step (it is C(n − k + i, i)).
                let (product, overflow) = result.multipliedReportingOverflow(by: UInt64(n - k + i))
                if overflow { return nil }
                result = product / UInt64(i)
            }
        }
        return result <= 1 << 53 ? Double(result) : nil
    }

    /// ln C(n, k) = Σᵢ₌₁..ₖ ln(1 + (n − k)/i) for 0 ≤ k ≤ n.
    static func logBinomial(_ n: Int, _ k: Int) -> Double {
        let k = min(k, n - k)
        var sum = 0.0
        if k > 0 {
            for i in 1...k {
                sum += LibM.log1p(Double(n - k) / Double(i))
            }
        }
        return sum
    }
}
