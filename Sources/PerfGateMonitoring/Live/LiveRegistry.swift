import Synchronization

/// Thread-safe counters, gauges and histograms of a running system, rendered on demand as a
/// ``MetricRegistry`` holding every ``LiveMetrics/families`` family (the live `/metrics` endpoint).
///
/// Cardinality is bounded by design: label values must come from small fixed sets (route templates,
/// methods, status codes, reasons, agent counts), never from request paths or ids. Per-agent series
/// (the `agent` label) are capped at ``agentSeriesCap``: agents with ids below the cap get
/// `agent="agent-ID"`; every agent at or above it is folded into one series `agent="other"` holding
/// the largest value among them (the right aggregate for a limit such as memory per agent). So a
/// family never has more than `agentSeriesCap + 1` per-agent series, whatever the swarm size.
///
/// Recording takes one lock (a `Mutex`) for O(1) dictionary work (a histogram observation adds
/// O(log b) for b buckets); ``snapshot()`` copies the state under the lock and builds the families
/// outside it. Names not in ``LiveMetrics/families`` are ignored when rendered.
public final class LiveRegistry: Sendable {
    /// The most per-agent series one family carries; agents beyond are aggregated into `agent="other"`.
    public static let agentSeriesCap = 64
    /// The `agent` label value of the aggregate series for agents beyond ``agentSeriesCap``.
    public static let overflowAgent = "other"

    private struct Key: Hashable {
        var name: String
        var labels: MetricLabels
    }

    private struct Histogram {
        var counts: [Double]
        var sum = 0.0
        var count = 0.0
    }

    private struct State {
        var counters: [Key: Double] = [:]
        var gauges: [Key: Double] = [:]
        var histograms: [Key: Histogram] = [:]
    }

    private let state = Mutex(State())
    private let bounds: [Double]

    /// Creates an empty registry whose histograms use `bounds` (default ``LiveMetrics/durationBuckets``).
    public init(bounds: [Double] = LiveMetrics.durationBuckets) {
        self.bounds = Array(Set(bounds.filter(\.isFinite))).sorted()
    }

    /// The `agent` label value for `agentID`: `agent-ID` below ``agentSeriesCap``, else ``overflowAgent``.
    public static func agentLabel(_ agentID: Int) -> String {
        agentID >= 0 && agentID < agentSeriesCap ? "agent-\(agentID)" : overflowAgent
    }

    /// Adds `amount` (≥ 0; negative amounts are ignored) to the counter `name` with `labels`.
    public func increment(_ name: String, labels: MetricLabels = [:], by amount: Double = 1) {
        guard amount >= 0 else { return }
        let key = Key(name: name, labels: labels)
        state.withLock { $0.counters[key, default: 0] += amount }
    }

    /// Sets the gauge `name` with `labels` to `value`.
    public func set(_ name: String, labels: MetricLabels = [:], to value: Double) {
        let key = Key(name: name, labels: labels)
        state.withLock { $0.gauges[key] = value }
    }

    /// Sets one gauge series per agent from `values` (indexed by agent id), capped: ids from
    /// ``agentSeriesCap`` on are folded into `agent="other"` (their maximum). Replaces earlier series
    /// of `name` with the same `labels`.
    /// - Complexity: O(agents).
    public func setPerAgent(_ name: String, labels: MetricLabels = [:], values: [Double]) {
        var updates: [Key: Double] = [:]
        for (id, value) in values.enumerated() {
            var series = labels
            series.set("agent", to: Self.agentLabel(id))
            let key = Key(name: name, labels: series)
            updates[key] = max(updates[key] ?? -.infinity, value)
        }
        state.withLock { state in
            state.gauges = state.gauges.filter { key, _ in
                key.name != name || !Self.sameLabels(key.labels, labels, ignoring: "agent")
            }
            state.gauges.merge(updates) { _, new in new }
        }
    }

    /// Records one observation of `value` in the histogram `name` with `labels` (NaN is ignored).
    /// - Complexity: O(log b) for b buckets.
    public func observe(_ name: String, labels: MetricLabels = [:], _ value: Double) {
        guard !value.isNaN else { return }
        let index = Self.bucketIndex(of: value, in: bounds)
        let key = Key(name: name, labels: labels)
        let bucketCount = bounds.count
        state.withLock { state in
            var histogram = state.histograms[key] ?? Histogram(counts: Array(repeating: 0, count: bucketCount + 1))
            histogram.counts[index] += 1
            histogram.sum += value
            histogram.count += 1
            state.histograms[key] = histogram
        }
    }

    /// The current value of a counter or gauge series, or nil when never recorded (for tests and reports).
    public func value(_ name: String, labels: MetricLabels = [:]) -> Double? {
        let key = Key(name: name, labels: labels)
        return state.withLock { $0.counters[key] ?? $0.gauges[key] }
    }

    /// Every ``LiveMetrics/families`` family with its current series (sorted by labels, so scrapes are
    /// stable); families without data are present with HELP and TYPE only.
    /// - Complexity: O(series × log series + histogram series × buckets).
    public func snapshot() -> MetricRegistry {
        let copy = state.withLock { $0 }
        var byName: [String: [(sortKey: String, series: MetricSeries)]] = [:]
        func add(_ key: Key, _ value: MetricValue) {
            byName[key.name, default: []].append(
                (key.labels.description, MetricSeries(labels: key.labels, value: value))
            )
        }
        for (key, value) in copy.counters { add(key, .single(value)) }
        for (key, value) in copy.gauges { add(key, .single(value)) }
        for (key, histogram) in copy.histograms { add(key, histogramValue(histogram)) }
        var registry = MetricRegistry()
        for description in LiveMetrics.families {
            // `makeFamily` and `register` cannot fail for the fixed, valid, distinct LiveMetrics names.
            guard var family = try? LiveMetrics.makeFamily(description.name) else { continue }
            let series = (byName[description.name] ?? []).sorted { $0.sortKey < $1.sortKey }.map(\.series)
            family.appendUnchecked(series.filter { Self.fits($0.value, family.type) })
            try? registry.register(family)
        }
        return registry
    }

    private func histogramValue(_ histogram: Histogram) -> MetricValue {
        var cumulative = 0.0
        let buckets = bounds.enumerated().map { index, bound in
            cumulative += histogram.counts[index]
            return HistogramBucket(upperBound: bound, cumulativeCount: cumulative)
        }
        return .histogram(buckets: buckets, sum: histogram.sum, count: histogram.count)
    }

    /// Whether a recorded value fits the family's type (a misuse such as observing into a counter is dropped).
    private static func fits(_ value: MetricValue, _ type: MetricType) -> Bool {
        switch value {
        case .single: type == .counter || type == .gauge
        case .histogram: type == .histogram
        case .summary: type == .summary
        }
    }

    /// The first bucket whose bound is ≥ value, or `bounds.count` (the `+Inf` bucket).
    private static func bucketIndex(of value: Double, in bounds: [Double]) -> Int {
        var low = 0
        var high = bounds.count
        while low < high {
            let middle = (low + high) / 2
            if bounds[middle] >= value { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static func sameLabels(_ lhs: MetricLabels, _ rhs: MetricLabels, ignoring ignored: String) -> Bool {
        let left = lhs.pairs.filter { $0.name != ignored }
        return MetricLabels(left) == rhs
    }
}
