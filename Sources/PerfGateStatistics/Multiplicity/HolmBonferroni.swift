/// Holm–Bonferroni adjusted p-values (namespace).
///
/// Reference: Holm, "A simple sequentially rejective multiple test procedure", Scand. J. Statist. 6,
/// 1979; adjusted p-values as in Wright, "Adjusted P-values for simultaneous inference",
/// Biometrics 48, 1992, and `statsmodels.stats.multitest.multipletests(method="holm")`.
public enum HolmBonferroni {
    /// Adjusted p-values in the order of the input; monotone, capped at 1.
    ///
    /// With the m p-values sorted ascending as p₍₁₎ ≤ … ≤ p₍ₘ₎ (ties kept in input order),
    /// p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m − j + 1)·p₍ⱼ₎), returned at the original positions. Rejecting the
    /// hypotheses with p̃ < alpha controls the family-wise error rate at alpha under any dependence.
    /// Tested against a numpy transcription of statsmodels' definition (golden vectors).
    /// - Parameter pValues: Raw p-values in [0, 1]; empty gives empty, one gives itself.
    /// - Precondition: no NaN.
    /// - Complexity: O(m log m).
    public static func adjustedPValues(_ pValues: [Double]) -> [Double] {
        precondition(!pValues.contains(where: \.isNaN), "Holm–Bonferroni needs p-values without NaN")
        let m = pValues.count
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1) }
        var adjusted = [Double](repeating: 0, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
