import Foundation
import Testing

struct MonitoringCommandsTests {
    static func fixtureFile() throws -> (URL, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("perfgate-monitoring-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var fixture = ResultsFixture()
        fixture.add(agents: 10, samples: ResultsFixture.samples(center: 0.012, seed: 1))
        fixture.add(agents: 50, samples: ResultsFixture.samples(center: 0.05, seed: 2))
        return (folder, try fixture.write(to: folder, name: "results.json"))
    }

    @Test func exportPrometheusWritesTheExpositionText() async throws {
        let (folder, path) = try Self.fixtureFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await runBench(["export", "prometheus", path])
        #expect(run.status == .success, "\(run.standardError)")
        #expect(run.standardOutput.contains("# TYPE agent_coordination_duration_seconds histogram\n"))
        #expect(run.standardOutput.contains("agent_coordination_duration_seconds_count{agents=\"50\"} 30\n"))
        #expect(run.standardOutput.contains("agent_coordination_limit 50\n"))
        #expect(!run.standardOutput.contains("# EOF"))
    }

    @Test func exportOpenMetricsToAFileEndsWithEOF() async throws {
        let (folder, path) = try Self.fixtureFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("metrics.om").path
        let run = await runBench(["export", "openmetrics", path, "--output", output])
        #expect(run.status == .success, "\(run.standardError)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasSuffix("\n# EOF\n"))
    }

    @Test func anUnknownExportFormatIsStatusTwo() async throws {
        let (folder, path) = try Self.fixtureFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await runBench(["export", "graphite", path])
        #expect(run.status == .failure)
        #expect(run.standardError.hasPrefix("bench: error: unknown export format \"graphite\""))
    }

    @Test func anUnreachablePushgatewayIsStatusTwoOnOneLine() async throws {
        let (folder, path) = try Self.fixtureFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await runBench(["export", "prometheus", path, "--push", "http://127.0.0.1:1"])
        #expect(run.status == .failure)
        #expect(run.standardError.hasPrefix("bench: error: push to http://127.0.0.1:1: could not connect"))
        #expect(run.standardError.filter { $0 == "\n" }.count == 1)
        #expect(run.standardOutput.isEmpty)
    }

    @Test func alertsWriteRulesTestsOrAnAlertmanagerConfig() async {
        let rules = await runBench(["alerts"])
        #expect(rules.status == .success)
        #expect(rules.standardOutput.contains("alert: AgentCoordinationLimitExceeded"))
        let tests = await runBench(["alerts", "--tests", "--rules-file", "generated/rules.yml"])
        #expect(tests.standardOutput.contains("rule_files:\n  - generated/rules.yml\n"))
        let alertmanager = await runBench(["alerts", "--alertmanager"])
        #expect(alertmanager.standardOutput.contains("receiver: pager"))
        let both = await runBench(["alerts", "--tests", "--alertmanager"])
        #expect(both.status == .failure)
    }

    @Test func alertsWithThresholdsLackingALimitAreStatusTwo() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("perfgate-monitoring-thr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.json").path
        try #"{"schema": "perfgate/thresholds@1", "alpha": 0.01, "correction": "holm", "defaults": {"statistic": "p50", "maxRegression": 0.05}, "rules": []}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let run = await runBench(["alerts", "--thresholds", path])
        #expect(run.status == .failure)
        #expect(run.standardError.hasPrefix("bench: error: \(path): no budget max for agents_coordinating"))
    }

    @Test func dashboardWritesJSON() async throws {
        let run = await runBench(["dashboard"])
        #expect(run.status == .success)
        let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 41)
    }
}
