import Foundation
import PerfGateAgentService
import PerfGateHTTP
import PerfGateResults
import Testing

@testable import PerfGateScenarios

struct APIWorkloadTests {
    /// Small runs, bounded by count rather than time, so a slow debug build still completes them.
    static let limits = APIWorkload.Limits(
        maxLatencySamplesPerBlock: 150,
        warmupRequestsPerConnection: 2,
        requestsPerRun: { _ in 120 },
        runTimeLimit: .seconds(120),
        isPinned: false
    )

    @Test(arguments: [APIWorkload.Mix.step, .mixed])
    func anAPIBlockReportsLatenciesThroughputAndNoErrors(mix: APIWorkload.Mix) throws {
        let workload = APIWorkload(
            mix: mix,
            agentCount: 2,
            model: .light,
            seed: 3,
            target: nil,
            requestsFile: nil,
            limits: Self.limits
        )
        try workload.prepare()
        defer { workload.finish() }
        let samples = try workload.runBlock(sampleCount: 2)
        #expect(samples["throughput_per_second"]?.count == 2)
        #expect(samples["error_ratio"] == [0, 0])
        let latencies = try #require(samples["latency_seconds"])
        #expect(latencies.count == 150, "2 runs × 120 latencies, subsampled to 150")
        #expect(latencies.allSatisfy { $0 > 0 && $0.isFinite })
    }

    @Test func aTargetIsDrivenWithoutAnEmbeddedServerAndItsAgentsAreDeletedAfter() throws {
        let service = AgentService(configuration: .init(model: .light, maxAgents: 8))
        let server = try HTTPServer(configuration: .init(placement: .unpinned), handler: service.makeHandler())
        defer { server.shutdown() }
        let workload = APIWorkload(
            mix: .step,
            agentCount: 3,
            model: .light,
            seed: 1,
            target: "http://127.0.0.1:\(server.boundPort)",
            requestsFile: nil,
            limits: Self.limits
        )
        try workload.prepare()
        #expect(service.registry.count == 3)
        let samples = try workload.runBlock(sampleCount: 1)
        #expect(samples["error_ratio"] == [0])
        // One connection per agent: every agent stepped (makeRequest gives each connection its own path).
        for id in 1...3 {
            let steps = service.registry.record(id: id)?.withState { $0.steps } ?? 0
            #expect(steps >= 3, "agent \(id) took \(steps) steps")
        }
        workload.finish()
        #expect(service.registry.count == 0)
        #expect(server.statistics.requestsServed >= 3 + 120 + 3)
    }

    @Test func aRequestFileReplacesTheDocumentedShapes() throws {
        let service = AgentService(configuration: .init(model: .light, maxAgents: 8))
        let server = try HTTPServer(configuration: .init(placement: .unpinned), handler: service.makeHandler())
        defer { server.shutdown() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("requests-\(UUID().uuidString).json")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(
            #"""
            {"schema": "perfgate/requests@1", "requests": [
              {"method": "GET", "path": "/api/v1/agents/{agent}"},
              {"method": "POST", "path": "/api/v1/agents/{agent}/step", "body": {"observation": 2}},
              {"path": "/api/v1/missing"}
            ]}
            """#.utf8
        ).write(to: URL(fileURLWithPath: path))
        let workload = APIWorkload(
            mix: .step,
            agentCount: 2,
            model: .light,
            seed: 1,
            target: "http://127.0.0.1:\(server.boundPort)",
            requestsFile: path,
            limits: Self.limits
        )
        try workload.prepare()
        defer { workload.finish() }
        let samples = try workload.runBlock(sampleCount: 1)
        // One request in three is a 404 by design of this file: about 40 of 120 (each connection
        // cycles through the three shapes; how many requests each takes varies by a few).
        let errorRatio = try #require(samples["error_ratio"]?.first)
        #expect(abs(errorRatio - 1.0 / 3.0) < 0.05)
    }

    @Test(arguments: [
        (#"{"schema": "perfgate/requests@2", "requests": []}"#, "$.schema"),
        (#"{"schema": "perfgate/requests@1", "requests": []}"#, "$.requests"),
        (#"{"schema": "perfgate/requests@1", "requests": [{"path": "no-slash"}]}"#, "$.requests[0].path"),
        (#"{"schema": "perfgate/requests@1", "requests": [{"path": "/", "method": "get"}]}"#, "$.requests[0].method"),
        (#"{"schema": "perfgate/requests@1", "requests": [{"path": "/", "verb": "GET"}]}"#, "$.requests[0].verb"),
        (
            #"{"schema": "perfgate/requests@1", "requests": [{"path": "/", "headers": {"A": 1}}]}"#,
            "$.requests[0].headers.A"
        ),
    ])
    func aBrokenRequestFileNamesThePathOfTheProblem(json: String, jsonPath: String) throws {
        #expect {
            try APIRequestFile.decode(try JSONValue.parse(Array(json.utf8)), file: "requests.json")
        } throws: { error in
            (error as? ResultsError)?.jsonPath == jsonPath
        }
    }

    @Test func aSubsampleIsUniformSeededAndKeepsTheOrder() {
        let values = (0..<10_000).map(Double.init)
        let first = Subsample.uniform(values, count: 1_000, seed: 9)
        #expect(first == Subsample.uniform(values, count: 1_000, seed: 9))
        #expect(first != Subsample.uniform(values, count: 1_000, seed: 10))
        #expect(first.count == 1_000 && Set(first).count == 1_000)
        #expect(first == first.sorted())
        // Uniform: the mean of the chosen values is near the population's (4,999.5; sd of the mean ≈ 87).
        #expect(abs(first.reduce(0, +) / 1_000 - 4_999.5) < 500)
        #expect(Subsample.uniform([1, 2], count: 5, seed: 1) == [1, 2])
    }
}
