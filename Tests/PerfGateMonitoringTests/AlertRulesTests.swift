import Foundation
import PerfGateMonitoring
import PerfGateResults
import Testing

struct AlertRulesTests {
    @Test func limitsAreReadFromTheThresholdsFile() throws {
        let limits = try MonitoringFixtures.limits
        #expect(limits.agentLimit == 50)
        #expect(limits.memoryBytesPerAgent == 36_175_872)
        #expect(limits.memoryBytesPerAgent == 34.5 * 1024 * 1024)
        #expect(limits.apiLatencySeconds == 0.5)
        #expect(limits.apiLatencyQuantile == 0.95)
        #expect(limits.timeoutRatio == 0.05)
    }

    @Test func rulesCarryTheExactThresholds() throws {
        let rules = AlertRulesDocument.render(AlertCatalog.alerts(for: try MonitoringFixtures.limits))
        #expect(rules.contains("expr: \"max by (service) (agent_coordination_concurrent_sessions) > 50\""))
        #expect(rules.contains("(agent_memory_bytes) > 36175872\""))
        #expect(rules.contains("histogram_quantile(0.95, sum by (le, service) (rate(api_request_duration_seconds_bucket[5m]))) > 0.5\""))
        #expect(rules.contains("(rate(agent_coordination_requests_total[5m])) > 0.05\""))
    }

    @Test func changedThresholdsChangeTheRules() throws {
        var thresholds = Thresholds.default
        thresholds.rules.append(ThresholdRule(match: "coordination/*", metric: "agents_coordinating", budget: Budget(max: 60)))
        let rules = AlertRulesDocument.render(AlertCatalog.alerts(for: try MonitoringLimits(thresholds: thresholds)))
        #expect(rules.contains("agent_coordination_concurrent_sessions) > 60\""))
        #expect(!rules.contains("> 50\""))
    }

    @Test func aMissingBudgetNamesTheRuleToAdd() {
        var thresholds = Thresholds.default
        thresholds.rules.removeAll { $0.metric == "agents_coordinating" }
        #expect(throws: MonitoringError.self) { try MonitoringLimits(thresholds: thresholds, source: "t.json") }
        do {
            _ = try MonitoringLimits(thresholds: thresholds, source: "t.json")
        } catch {
            #expect(error.message.hasPrefix("t.json: no budget max for agents_coordinating on coordination/*"))
        }
    }

    @Test func everyAlertHasForSeverityAnnotationsAndAShippedRunbook() throws {
        let alerts = AlertCatalog.alerts(for: try MonitoringFixtures.limits)
        #expect(alerts.count == 4)
        #expect(Set(alerts.map(\.severity)) == ["critical", "warning"])
        for alert in alerts {
            #expect(!alert.duration.isEmpty && alert.duration != "0s")
            #expect(alert.summary.contains("{{ $value") && alert.description.contains("{{ $value"))
            let runbook = MonitoringFixtures.repositoryRoot.appendingPathComponent("docs/runbooks/\(alert.runbookFile)")
            let text = try String(contentsOf: runbook, encoding: .utf8)
            for heading in ["## Symptoms", "## Checks", "## Mitigations"] {
                #expect(text.contains(heading), "\(alert.runbookFile) lacks \(heading)")
            }
            #expect(text.contains(alert.name))
        }
    }

    @Test func ruleTestsCoverFiringAndSilenceForEveryAlert() throws {
        let tests = RuleTestsDocument.render(limits: try MonitoringFixtures.limits)
        for alert in AlertCatalog.alerts(for: try MonitoringFixtures.limits) {
            #expect(tests.contains("name: \"\(alert.name) fires:"))
            #expect(tests.contains("name: \"\(alert.name) stays silent:"))
        }
        #expect(tests.contains("values: \"51x15\"") && tests.contains("values: \"50x15\""))
        #expect(tests.contains("values: \"36175873x15\"") && tests.contains("values: \"36175872x15\""))
        #expect(tests.contains("Agent agent-7 in agents uses 34.5MiB (limit 34.5MiB = 36175872 bytes)"))
        #expect(tests.contains("p95 API latency of api is 975ms (limit 500ms)"))
        #expect(tests.contains("5.1% of coordination rounds in agents time out (limit 5%)"))
    }

    @Test func alertmanagerRoutesBySeverityAndInhibitsWarningsPerService() {
        let config = AlertmanagerConfigDocument.render()
        #expect(config.contains("group_by:\n    - alertname\n    - service"))
        #expect(config.contains("- receiver: pager\n      matchers:\n        - \"severity=\\\"critical\\\"\""))
        #expect(config.contains("equal:\n      - service"))
        #expect(config.contains(AlertmanagerConfigDocument.pagerRoutingKeyPlaceholder))
        #expect(config.contains(AlertmanagerConfigDocument.chatWebhookPlaceholder))
    }
}
