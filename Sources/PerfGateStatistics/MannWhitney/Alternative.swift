/// The alternative hypothesis of a two-sample test, stated for the candidate against the baseline.
///
/// The raw values are the spellings of `scipy.stats.mannwhitneyu(..., alternative=...)`.
public enum Alternative: String, Sendable, Hashable, CaseIterable {
    /// The candidate's distribution differs from the baseline's in either direction.
    case twoSided = "two-sided"
    /// The candidate tends to be smaller than the baseline.
    case less
    /// The candidate tends to be greater than the baseline.
    case greater
}
