import PerfGateMonitoring
import Testing

struct RenderersTests {
    static func registry() throws -> MetricRegistry {
        var registry = MetricRegistry()
        var counter = try MetricFamily(name: "agent_coordination_requests_total", help: "Rounds started.", type: .counter)
        try counter.add(value: .single(1200))
        var histogram = try MetricFamily(name: "api_request_duration_seconds", help: "Latency.", type: .histogram, unit: "seconds")
        try histogram.add(labels: ["route": "/v1/plan"], value: .histogram(of: [0.05, 0.2, 0.7], upperBounds: [0.1, 0.5, 1]))
        var summary = try MetricFamily(name: "perfgate_benchmark_seconds", help: "Summary.", type: .summary, unit: "seconds")
        try summary.add(
            labels: ["benchmark": "b", "metric": "m", "commit": "c"],
            value: .summary(quantiles: [SummaryQuantile(quantile: 0.5, value: 0.2), SummaryQuantile(quantile: 1, value: 0.7)], sum: 0.95, count: 3)
        )
        try registry.register(counter)
        try registry.register(histogram)
        try registry.register(summary)
        return registry
    }

    @Test func textFormatWritesHelpAndTypeBeforeEverySampleOfEachFamily() throws {
        let text = PrometheusTextRenderer.render(try Self.registry())
        let structure = ExpositionStructure(text, openMetrics: false)
        #expect(structure.problems.isEmpty, "\(structure.problems)")
        #expect(Set(structure.typeNames.keys) == ["agent_coordination_requests_total", "api_request_duration_seconds", "perfgate_benchmark_seconds"])
        #expect(structure.helpNames.count == 3)
    }

    @Test func histogramsEndWithAnInfiniteBucketEqualToTheCount() throws {
        let text = PrometheusTextRenderer.render(try Self.registry())
        #expect(text.contains("""
            api_request_duration_seconds_bucket{route="/v1/plan",le="0.1"} 1
            api_request_duration_seconds_bucket{route="/v1/plan",le="0.5"} 2
            api_request_duration_seconds_bucket{route="/v1/plan",le="1"} 3
            api_request_duration_seconds_bucket{route="/v1/plan",le="+Inf"} 3
            api_request_duration_seconds_sum{route="/v1/plan"} 0.95
            api_request_duration_seconds_count{route="/v1/plan"} 3

            """))
    }

    @Test func openMetricsEndsWithEOFAndDeclaresCountersWithoutTotal() throws {
        let text = OpenMetricsRenderer.render(try Self.registry())
        #expect(text.hasSuffix("\n# EOF\n"))
        #expect(text.contains("# TYPE agent_coordination_requests counter\n"))
        #expect(text.contains("\nagent_coordination_requests_total 1200\n"))
        #expect(text.contains("# UNIT api_request_duration_seconds seconds\n"))
        #expect(text.contains(#"le="1.0"} 3"#))
        #expect(text.contains(#"quantile="1.0"} 0.7"#))
        let structure = ExpositionStructure(text, openMetrics: true)
        #expect(structure.problems.isEmpty, "\(structure.problems)")
    }

    @Test func specialValuesAreWrittenAsTheFormatsSpellThem() throws {
        var family = try MetricFamily(name: "perfgate_odd_ratio", help: "h", type: .gauge)
        try family.add(labels: ["case": "nan"], value: .single(.nan))
        try family.add(labels: ["case": "inf"], value: .single(.infinity))
        try family.add(labels: ["case": "small"], value: .single(1e-5))
        var registry = MetricRegistry()
        try registry.register(family)
        let text = PrometheusTextRenderer.render(registry)
        #expect(text.contains(#"{case="nan"} NaN"#) && text.contains(#"{case="inf"} +Inf"#) && text.contains(#"{case="small"} 1e-05"#))
    }
}
