import PerfGateMonitoring
import Testing

struct MetricRegistryTests {
    @Test func aLabelSetCannotBeAddedTwiceInAnyOrder() throws {
        var family = try MetricFamily(name: "agent_memory_bytes", help: "h", type: .gauge)
        try family.add(labels: ["agent": "a1", "service": "s"], value: .single(1))
        #expect(throws: MonitoringError.self) { try family.add(labels: ["service": "s", "agent": "a1"], value: .single(2)) }
        try family.add(labels: ["agent": "a2", "service": "s"], value: .single(2))
        #expect(family.series.count == 2)
    }

    @Test func familiesWhoseSampleNamesClashAreRejected() throws {
        var registry = MetricRegistry()
        try registry.register(MetricFamily(name: "api_request_duration_seconds", help: "h", type: .histogram))
        #expect(throws: MonitoringError.self) {
            try registry.register(MetricFamily(name: "api_request_duration_seconds_count", help: "h", type: .gauge))
        }
        #expect(throws: MonitoringError.self) {
            try registry.register(MetricFamily(name: "api_request_duration_seconds", help: "h", type: .gauge))
        }
    }

    @Test func countersMustEndInTotalAndBeNonNegative() throws {
        #expect(throws: MonitoringError.self) { try MetricFamily(name: "agent_coordination_requests", help: "h", type: .counter) }
        var counter = try MetricFamily(name: "agent_coordination_requests_total", help: "h", type: .counter)
        #expect(throws: MonitoringError.self) { try counter.add(value: .single(-1)) }
        #expect(throws: MonitoringError.self) { try counter.add(value: .single(.nan)) }
    }

    @Test(arguments: ["le", "quantile", "__name__", "1agent", "agent-id"])
    func reservedOrInvalidLabelNamesAreRejected(name: String) throws {
        var family = try MetricFamily(name: "agent_memory_bytes", help: "h", type: .gauge)
        #expect(throws: MonitoringError.self) { try family.add(labels: MetricLabels([(name, "x")]), value: .single(1)) }
    }

    @Test func valuesMustFitTheFamilyType() throws {
        var gauge = try MetricFamily(name: "agent_memory_bytes", help: "h", type: .gauge)
        #expect(throws: MonitoringError.self) { try gauge.add(value: .histogram(of: [1], upperBounds: [1])) }
    }

    @Test func aUnitMustBeTheNameSuffix() {
        #expect(throws: MonitoringError.self) { try MetricFamily(name: "agent_memory", help: "h", type: .gauge, unit: "bytes") }
    }

    @Test func histogramsCountSamplesCumulativelyAndInclusively() {
        let value = MetricValue.histogram(of: [0.1, 0.5, 0.5, 2, .nan], upperBounds: [1, 0.5, 0.1])
        let expected = MetricValue.histogram(
            buckets: [
                HistogramBucket(upperBound: 0.1, cumulativeCount: 1), HistogramBucket(upperBound: 0.5, cumulativeCount: 3),
                HistogramBucket(upperBound: 1, cumulativeCount: 3),
            ],
            sum: 3.1, count: 4
        )
        #expect(value == expected)
    }
}
