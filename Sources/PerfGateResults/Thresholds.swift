public import PerfGateStatistics

/// The thresholds file (`perfgate/thresholds@1`): significance level, correction, and rules.
public struct Thresholds: Sendable, Hashable {
    /// The schema identifier this version writes.
    public static let currentSchema = "perfgate/thresholds@1"

    /// The schema identifier as read.
    public var schema: String
    /// Family-wise significance level, in (0, 1).
    public var alpha: Double
    /// The family-wise correction applied to the gating results' p-values.
    public var correction: Correction
    /// Applied to every metric before any rule.
    public var defaults: ThresholdRule
    /// Applied in order; later rules override earlier ones field by field.
    public var rules: [ThresholdRule]

    /// Creates thresholds; no validation happens here (``ThresholdsFile/write(_:to:overwrite:)`` validates).
    public init(
        schema: String = Thresholds.currentSchema,
        alpha: Double,
        correction: Correction,
        defaults: ThresholdRule,
        rules: [ThresholdRule]
    ) {
        self.schema = schema
        self.alpha = alpha
        self.correction = correction
        self.defaults = defaults
        self.rules = rules
    }
}

/// The family-wise correction of p-values.
public enum Correction: String, Sendable, Hashable, CaseIterable {
    /// Holm–Bonferroni step-down adjustment.
    case holm
    /// No adjustment: each p-value is compared with alpha as is.
    case none
}

/// One rule of a thresholds file; every field is optional and only set fields override.
public struct ThresholdRule: Sendable, Hashable {
    /// Glob on the benchmark id (`*` any run of characters, `?` one); nil matches every benchmark.
    public var match: String?
    /// Exact metric name; nil matches every metric.
    public var metric: String?
    /// The summary statistic whose relative change is gated.
    public var statistic: SummaryStatistic?
    /// The largest allowed relative change in the worse direction (0.10 = 10 %).
    public var maxRegression: Double?
    /// Whether the metric can fail the gate.
    public var gating: Bool?
    /// An absolute limit, checked on the candidate alone.
    public var budget: Budget?
    /// Why this rule exists (documentation shown in the README table).
    public var reason: String?

    /// Creates a rule; every field defaults to unset.
    public init(
        match: String? = nil,
        metric: String? = nil,
        statistic: SummaryStatistic? = nil,
        maxRegression: Double? = nil,
        gating: Bool? = nil,
        budget: Budget? = nil,
        reason: String? = nil
    ) {
        self.match = match
        self.metric = metric
        self.statistic = statistic
        self.maxRegression = maxRegression
        self.gating = gating
        self.budget = budget
        self.reason = reason
    }
}

/// An absolute limit on one summary statistic of the candidate; fields merge individually.
public struct Budget: Sendable, Hashable {
    /// The statistic of the candidate that is limited; nil means the rule's gated statistic.
    public var statistic: SummaryStatistic?
    /// The largest allowed value, in the metric's unit.
    public var max: Double?
    /// The smallest allowed value, in the metric's unit.
    public var min: Double?
    /// Creates a budget; a useful one sets `max`, `min` or both.
    public init(statistic: SummaryStatistic? = nil, max: Double? = nil, min: Double? = nil) {
        self.statistic = statistic
        self.max = max
        self.min = min
    }
}

/// The limits that apply to one (benchmark, metric) after every matching rule is applied.
public struct ResolvedLimits: Sendable, Hashable {
    /// The summary statistic whose relative change is gated.
    public var statistic: SummaryStatistic
    /// The largest allowed relative change in the worse direction (0.10 = 10 %).
    public var maxRegression: Double
    /// Whether the metric can fail the gate.
    public var gating: Bool
    /// A budget with its statistic resolved (defaults to `statistic`), or nil.
    public var budget: Budget?
    /// Creates resolved limits; usually ``Thresholds/limits(forBenchmark:metric:)`` does this.
    public init(statistic: SummaryStatistic, maxRegression: Double, gating: Bool, budget: Budget?) {
        self.statistic = statistic
        self.maxRegression = maxRegression
        self.gating = gating
        self.budget = budget
    }
}
