import PerfGateMonitoring
import Testing

struct LiveMetricsTests {
    /// A registry with one series in every live family, as `bench serve` would fill it.
    static func sampleLiveRegistry() throws -> MetricRegistry {
        var registry = MetricRegistry()
        for live in LiveMetrics.families {
            var family = try LiveMetrics.makeFamily(live.name)
            switch live.type {
            case .histogram:
                try family.add(value: .histogram(of: [0.01, 0.2, 0.7], upperBounds: LiveMetrics.durationBuckets))
            case .summary:
                try family.add(value: .summary(quantiles: [SummaryQuantile(quantile: 0.5, value: 1)], sum: 1, count: 1))
            case .counter, .gauge:
                try family.add(value: .single(3))
            }
            try registry.register(family)
        }
        return registry
    }

    @Test func theUserStackNamesAreAllLive() {
        #expect(LiveMetrics.families.map(\.name) == [
            "agent_coordination_duration_seconds", "agent_memory_bytes", "agent_coordination_limit",
            "agent_coordination_requests_total", "agent_coordination_errors_total", "agent_coordination_concurrent_sessions",
            "belief_state_updates_total", "belief_convergence_time_seconds", "api_request_duration_seconds",
        ])
    }

    @Test func everyLiveFamilyRendersWithHelpAndTypeInBothFormats() throws {
        let registry = try Self.sampleLiveRegistry()
        let text = ExpositionStructure(PrometheusTextRenderer.render(registry), openMetrics: false)
        #expect(text.problems.isEmpty, "\(text.problems)")
        #expect(text.typeNames.count == LiveMetrics.families.count)
        let openMetrics = ExpositionStructure(OpenMetricsRenderer.render(registry), openMetrics: true)
        #expect(openMetrics.problems.isEmpty, "\(openMetrics.problems)")
    }

    @Test func sampleNamesIncludeHistogramSeries() {
        #expect(LiveMetrics.sampleNames.contains("api_request_duration_seconds_bucket"))
        #expect(LiveMetrics.sampleNames.contains("agent_coordination_requests_total"))
        #expect(!LiveMetrics.sampleNames.contains("agent_memory_bytes_bucket"))
    }

    @Test func thresholdsFallOnBucketEdges() throws {
        let limits = try MonitoringFixtures.limits
        #expect(LiveMetrics.durationBuckets.contains(limits.apiLatencySeconds))
        #expect(LiveMetrics.durationBuckets == LiveMetrics.durationBuckets.sorted())
    }
}
