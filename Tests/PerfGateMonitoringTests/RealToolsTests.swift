import Foundation
import PerfGateMonitoring
import Testing

/// Runs the real consumers over generated files: `promtool` (Prometheus 2.42 in Debian) and `amtool`.
/// CI installs them in `.ci/checks/monitoring.sh`, which runs after `swift test`, so on a fresh CI
/// machine these skip and the script runs the same checks; on a developer machine with
/// `apt-get install prometheus prometheus-alertmanager` they run here too.
struct RealToolsTests {
    static func which(_ tool: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + tool }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tool arguments` in `folder` with `input` on standard input; returns status and output.
    static func run(_ tool: String, _ arguments: [String], in folder: URL, input: String? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(which(tool)))
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func write(_ text: String, _ name: String, in folder: URL) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test(.enabled(if: which("promtool") != nil, "promtool not installed (apt-get install prometheus)"))
    func promtoolAcceptsTheExportWithoutLintFindings() throws {
        let folder = try MonitoringFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = try ResultsMetricsMapper(limits: MonitoringFixtures.limits).registry(for: MonitoringFixtures.results(commit: "a\"b\\c\nd"))
        let (status, output) = try Self.run("promtool", ["check", "metrics"], in: folder, input: PrometheusTextRenderer.render(registry))
        #expect(status == 0, "\(output)")
    }

    @Test(.enabled(if: which("promtool") != nil, "promtool not installed (apt-get install prometheus)"))
    func promtoolAcceptsEveryLiveFamilyWithoutLintFindings() throws {
        let folder = try MonitoringFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = try LiveMetricsTests.sampleLiveRegistry()
        let (status, output) = try Self.run("promtool", ["check", "metrics"], in: folder, input: PrometheusTextRenderer.render(registry))
        #expect(status == 0, "\(output)")
    }

    @Test(.enabled(if: which("promtool") != nil, "promtool not installed (apt-get install prometheus)"))
    func promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws {
        let folder = try MonitoringFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let limits = try MonitoringFixtures.limits
        try Self.write(AlertRulesDocument.render(AlertCatalog.alerts(for: limits)), "rules.yml", in: folder)
        try Self.write(RuleTestsDocument.render(limits: limits), "rules_test.yml", in: folder)
        let (checkStatus, checkOutput) = try Self.run("promtool", ["check", "rules", "--lint=all", "--lint-fatal", "rules.yml"], in: folder)
        #expect(checkStatus == 0, "\(checkOutput)")
        let (testStatus, testOutput) = try Self.run("promtool", ["test", "rules", "rules_test.yml"], in: folder)
        #expect(testStatus == 0, "\(testOutput)")
    }

    @Test(.enabled(if: which("promtool") != nil, "promtool not installed (apt-get install prometheus)"))
    func theUnitTestsFailWhenARuleUsesAnotherThreshold() throws {
        let folder = try MonitoringFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var wrong = try MonitoringFixtures.limits
        wrong.agentLimit = 60  // The rules say 60 while the tests expect the thresholds' 50.
        try Self.write(AlertRulesDocument.render(AlertCatalog.alerts(for: wrong)), "rules.yml", in: folder)
        try Self.write(RuleTestsDocument.render(limits: try MonitoringFixtures.limits), "rules_test.yml", in: folder)
        let (status, _) = try Self.run("promtool", ["test", "rules", "rules_test.yml"], in: folder)
        #expect(status != 0)
    }

    @Test(.enabled(if: which("amtool") != nil, "amtool not installed (apt-get install prometheus-alertmanager)"))
    func amtoolAcceptsTheConfigAndRoutesBySeverity() throws {
        let folder = try MonitoringFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write(AlertmanagerConfigDocument.render(), "alertmanager.yml", in: folder)
        let (status, output) = try Self.run("amtool", ["check-config", "alertmanager.yml"], in: folder)
        #expect(status == 0, "\(output)")
        for (severity, receiver) in [("critical", "pager"), ("warning", "chat")] {
            let (routeStatus, routeOutput) = try Self.run(
                "amtool", ["config", "routes", "test", "--config.file=alertmanager.yml", "--verify.receivers=\(receiver)", "severity=\(severity)", "service=agents"],
                in: folder
            )
            #expect(routeStatus == 0, "\(routeOutput)")
        }
    }
}
