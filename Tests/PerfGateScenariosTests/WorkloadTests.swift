import PerfGateResults
import PerfGateAgents
import PerfGateHarness
import Testing

@testable import PerfGateScenarios

struct WorkloadTests {
    @Test func coordinationSamplesReportEveryMetricPerSample() async throws {
        let samples = try await onDedicatedThread {
            let workload = CoordinationWorkload(agentCount: 3, model: .light, seed: 1, deadline: .seconds(5), injection: .none)
            try workload.prepare()
            return try workload.runBlock(sampleCount: 3)
        }
        for metric in ["round_seconds", "throughput_per_second", "messages_per_round", "timeout_ratio"] {
            #expect(samples[metric]?.count == 3, "\(metric)")
        }
        #expect(samples["round_seconds"]!.allSatisfy { $0 > 0 })
        #expect(samples["timeout_ratio"]!.allSatisfy { $0 == 0 })
    }

    @Test func aZeroDeadlineMakesEveryRoundATimeout() async throws {
        let samples = try await onDedicatedThread {
            let workload = CoordinationWorkload(agentCount: 2, model: .light, seed: 1, deadline: .zero, injection: .none)
            try workload.prepare()
            return try workload.runBlock(sampleCount: 2)
        }
        #expect(samples["timeout_ratio"] == [1, 1])
    }

    @Test func convergenceTakesTheSameNumberOfStepsForASeed() throws {
        let first = BeliefConvergenceWorkload(model: .light, seed: 3, injection: .none)
        try first.prepare()
        let samples = try first.runBlock(sampleCount: 2)
        #expect(samples["convergence_seconds"]?.count == 2)
        #expect(samples["convergence_seconds"]!.allSatisfy { $0 > 0 })
    }

    @Test func efficiencyIsThroughputOverTheIdealScaledSingleAgentThroughput() {
        func benchmark(_ agents: Int, _ throughput: [Double]) -> BenchmarkResult {
            BenchmarkResult(
                id: "coordination/x[agents=\(agents)]", name: "coordination/x", scenario: "coordination",
                parameters: ["agents": .int(agents)],
                metrics: ["throughput_per_second": MetricResult(unit: "per_second", better: .higher, samples: throughput)]
            )
        }
        var results = [benchmark(1, [100, 100, 100]), benchmark(4, [150, 200])]
        DerivedMetrics.addEfficiency(to: &results, logicalCores: 2)
        #expect(results[0].metrics["efficiency_ratio"]?.samples == [1, 1, 1])
        // 4 agents on 2 cores: the ideal is 2 × 100.
        #expect(results[1].metrics["efficiency_ratio"]?.samples == [0.75, 1])
    }
}
