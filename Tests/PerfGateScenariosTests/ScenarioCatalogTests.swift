import Foundation
import PerfGateResults
import Testing

@testable import PerfGateScenarios

struct ScenarioCatalogTests {
    /// The repository's `Benchmarks/scenarios`, found from this file's location.
    static let folder: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/scenarios").path
    }()

    @Test func theCommittedScenarioFilesEqualTheBuiltInCatalog() throws {
        #expect(try ScenarioCatalog.load(folder: Self.folder) == ScenarioCatalog.builtIn)
    }

    @Test func theDefaultSuitePlansTheIssuesAgentCounts() {
        let plan = BenchmarkPlan(scenarios: ScenarioCatalog.builtIn, suite: "default")
        #expect(plan.benchmarks.map(\.id) == [
            "coordination/contract-net[agents=1]", "coordination/contract-net[agents=10]",
            "coordination/contract-net[agents=25]", "coordination/contract-net[agents=50]",
            "memory/production-agent[agents=1]", "memory/production-agent[agents=10]",
            "memory/production-agent[agents=50]", "belief/update", "belief/convergence",
            "api/step[agents=1]", "api/step[agents=10]", "api/step[agents=25]", "api/step[agents=50]",
            "api/mixed[agents=1]", "api/mixed[agents=10]", "api/mixed[agents=25]", "api/mixed[agents=50]",
        ])
    }

    @Test func agentsAndFilterNarrowThePlan() {
        let plan = BenchmarkPlan(
            scenarios: ScenarioCatalog.builtIn, suite: "default", agentCounts: [2, 3], filter: "coordination/*"
        )
        #expect(plan.benchmarks.map(\.id) == ["coordination/contract-net[agents=2]", "coordination/contract-net[agents=3]"])
    }

    @Test(arguments: [
        (#"{"schema": "perfgate/scenario@2"}"#, "$.schema"),
        (#"{"schema": "perfgate/scenario@1", "name": "a b", "kind": "memory", "summary": "", "agentModel": "light", "agents": {}}"#, "$.name"),
        (#"{"schema": "perfgate/scenario@1", "name": "x/y", "kind": "dance", "summary": "", "agentModel": "light", "agents": {}}"#, "$.kind"),
        (#"{"schema": "perfgate/scenario@1", "name": "x/y", "kind": "memory", "summary": "", "agentModel": "light", "agents": {"default": [1, 0]}}"#, "$.agents.default[1]"),
        (#"{"schema": "perfgate/scenario@1", "nmae": "x"}"#, "$.nmae"),
    ])
    func aBrokenScenarioFileNamesThePathOfTheProblem(json: String, path: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenarios-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(json.utf8).write(to: folder.appendingPathComponent("bad.json"))
        #expect {
            try ScenarioCatalog.load(folder: folder.path)
        } throws: { error in
            (error as? ResultsError)?.jsonPath == path && String(describing: error).contains("bad.json")
        }
    }
}
