import PerfGateMonitoring
import Testing

struct LiveRegistryTests {
    @Test func anEmptyRegistryRendersEveryLiveFamilyWithHelpAndType() {
        let text = PrometheusTextRenderer.render(LiveRegistry().snapshot())
        for family in LiveMetrics.families {
            #expect(text.contains("# HELP \(family.name) "))
            #expect(text.contains("# TYPE \(family.name) \(family.type.rawValue)\n"))
        }
    }

    @Test func perAgentSeriesStayBoundedUnder200Agents() {
        let registry = LiveRegistry()
        let values = (0..<200).map { Double($0) }
        registry.setPerAgent("agent_memory_bytes", values: values)
        registry.setPerAgent("agent_memory_bytes", values: values)  // Replacing, not adding.
        let family = registry.snapshot().family(named: "agent_memory_bytes")
        #expect(family?.series.count == LiveRegistry.agentSeriesCap + 1)
        // Agents beyond the cap fold into one series holding their largest value.
        #expect(registry.value("agent_memory_bytes", labels: ["agent": LiveRegistry.overflowAgent]) == 199)
        #expect(registry.value("agent_memory_bytes", labels: ["agent": "agent-5"]) == 5)
    }

    @Test func histogramsAreCumulativeWithSumAndCount() {
        let registry = LiveRegistry(bounds: [0.1, 1])
        for value in [0.05, 0.1, 0.5, 2] { registry.observe("belief_convergence_time_seconds", value) }
        let series = registry.snapshot().family(named: "belief_convergence_time_seconds")?.series.first
        #expect(
            series?.value
                == .histogram(
                    buckets: [
                        HistogramBucket(upperBound: 0.1, cumulativeCount: 2),
                        HistogramBucket(upperBound: 1, cumulativeCount: 3),
                    ],
                    sum: 2.65,
                    count: 4
                )
        )
    }

    @Test func countersIgnoreNegativeAmountsAndSeriesAreNeverDuplicated() {
        let registry = LiveRegistry()
        registry.increment("agent_coordination_errors_total", labels: ["reason": "timeout"])
        registry.increment("agent_coordination_errors_total", labels: ["reason": "timeout"], by: -5)
        registry.increment("agent_coordination_errors_total", labels: ["reason": "timeout"], by: 2)
        #expect(registry.value("agent_coordination_errors_total", labels: ["reason": "timeout"]) == 3)
        let lines = PrometheusTextRenderer.render(registry.snapshot()).split(separator: "\n").filter {
            !$0.hasPrefix("#")
        }
        #expect(lines == ["agent_coordination_errors_total{reason=\"timeout\"} 3"])
    }

    @Test func agentLabelsAreCappedById() {
        #expect(LiveRegistry.agentLabel(0) == "agent-0")
        #expect(LiveRegistry.agentLabel(LiveRegistry.agentSeriesCap - 1) == "agent-\(LiveRegistry.agentSeriesCap - 1)")
        #expect(LiveRegistry.agentLabel(LiveRegistry.agentSeriesCap) == "other")
        #expect(LiveRegistry.agentLabel(-1) == "other")
    }
}
