import PerfGateMonitoring
import PerfGateResults
import Testing

struct ResultsMetricsMapperTests {
    @Test func anExportHasHelpAndTypeOnEveryFamilyAndNoDuplicateSeries() throws {
        let registry = try ResultsMetricsMapper(limits: MonitoringFixtures.limits).registry(for: MonitoringFixtures.results())
        for text in [PrometheusTextRenderer.render(registry), OpenMetricsRenderer.render(registry)] {
            let structure = ExpositionStructure(text, openMetrics: text.hasSuffix("# EOF\n"))
            #expect(structure.problems.isEmpty, "\(structure.problems)")
            #expect(structure.typeNames.count == registry.families.count)
        }
    }

    @Test func userStackFamiliesComeFromTheirMetricsAndMatchTheLiveEndpoint() throws {
        let registry = try ResultsMetricsMapper(limits: MonitoringFixtures.limits).registry(for: MonitoringFixtures.results())
        let names = registry.families.map(\.name)
        for name in ["agent_coordination_duration_seconds", "agent_memory_bytes", "agent_coordination_limit", "belief_convergence_time_seconds", "api_request_duration_seconds"] {
            let family = try #require(registry.family(named: name), "\(name) missing from \(names)")
            #expect(family.type == LiveMetrics.family(named: name)?.type)
        }
        let rounds = try #require(registry.family(named: "agent_coordination_duration_seconds"))
        #expect(rounds.series.map(\.labels) == [["agents": "10"], ["agents": "50"]])
        guard case .histogram(_, _, let count) = rounds.series[0].value else { Issue.record("not a histogram"); return }
        #expect(count == 20)
    }

    @Test func theLimitGaugeIsTheThresholdsAgentBudget() throws {
        let registry = try ResultsMetricsMapper(limits: MonitoringFixtures.limits).registry(for: MonitoringFixtures.results())
        #expect(registry.family(named: "agent_coordination_limit")?.series.first?.value == .single(50))
    }

    @Test func memoryPerAgentIsTheLargestSample() throws {
        let results = MonitoringFixtures.results()
        let largest = try #require(results.benchmarks[2].metrics["bytes_per_agent"]?.samples.max())
        let registry = try ResultsMetricsMapper(limits: MonitoringFixtures.limits).registry(for: results)
        #expect(registry.family(named: "agent_memory_bytes")?.series.first?.value == .single(largest))
    }

    @Test func liveOnlyCountersAreNotInventedFromAResultsFile() throws {
        let registry = try ResultsMetricsMapper(limits: MonitoringFixtures.limits).registry(for: MonitoringFixtures.results())
        for name in ["agent_coordination_requests_total", "agent_coordination_errors_total", "agent_coordination_concurrent_sessions", "belief_state_updates_total"] {
            #expect(registry.family(named: name) == nil)
        }
    }

    @Test func benchmarkSummariesCarryBenchmarkMetricQuantileAndCommitWithEscaping() throws {
        let registry = try ResultsMetricsMapper(limits: MonitoringFixtures.limits).registry(for: MonitoringFixtures.results(commit: "a\"b\\c"))
        let text = PrometheusTextRenderer.render(registry)
        #expect(text.contains(#"perfgate_benchmark_seconds{benchmark="coordination/contract-net[agents=10]",metric="round_seconds",commit="a\"b\\c",quantile="0.95"}"#))
        #expect(registry.family(named: "perfgate_benchmark_value") != nil)  // messages_per_round (count)
        #expect(registry.family(named: "perfgate_benchmark_ratio")?.unit == "ratio")
    }
}
