import PerfGateMonitoring
import PerfGateResults
import Testing

struct DashboardTests {
    static func dashboard() throws -> JSONValue { DashboardBuilder.dashboard(limits: try MonitoringFixtures.limits) }

    static func panels() throws -> [JSONValue] {
        guard case .array(let panels)? = try dashboard()["panels"] else { return [] }
        return panels
    }

    static func expressions() throws -> [String] {
        try panels().flatMap { panel -> [String] in
            guard case .array(let targets)? = panel["targets"] else { return [] }
            return targets.compactMap { if case .string(let expr)? = $0["expr"] { expr } else { nil } }
        }
    }

    /// PromQL words that are not metric names: functions, keywords, and the labels we use.
    static let promQLWords: Set<String> = ["sum", "max", "by", "rate", "histogram_quantile", "le", "agents", "reason"]

    @Test func everyQueriedMetricIsOneTheLiveEndpointExposes() throws {
        let expressions = try Self.expressions()
        #expect(expressions.count >= 8)
        for expression in expressions {
            let metrics = Self.identifiers(in: expression).filter { !Self.promQLWords.contains($0) }
            #expect(!metrics.isEmpty, "\(expression) queries no metric")
            for metric in metrics {
                #expect(LiveMetrics.sampleNames.contains(metric), "\(metric) in \(expression) is not in LiveMetrics.families")
            }
        }
    }

    @Test func theDashboardHasTheSchemaVersionAndBothVariables() throws {
        let dashboard = try Self.dashboard()
        #expect(dashboard["schemaVersion"] == .integer(41))
        guard case .array(let variables)? = dashboard["templating"]?["list"] else { Issue.record("no variables"); return }
        #expect(variables.map { $0["name"] } == ["datasource", "agents"])
        #expect(variables[0]["type"] == "datasource")
    }

    @Test func panelsHaveUniqueIdsAndFitTheGridWithoutOverlap() throws {
        var cells: [(Int, Int, Int, Int)] = []
        var ids: Set<Int> = []
        for panel in try Self.panels() {
            guard case .integer(let id)? = panel["id"], let grid = panel["gridPos"],
                case .integer(let x)? = grid["x"], case .integer(let y)? = grid["y"],
                case .integer(let w)? = grid["w"], case .integer(let h)? = grid["h"]
            else { Issue.record("panel without id or gridPos"); continue }
            #expect(ids.insert(id).inserted)
            #expect(x >= 0 && x + w <= 24)
            for (ox, oy, ow, oh) in cells {
                #expect(!(x < ox + ow && ox < x + w && y < oy + oh && oy < y + h), "panel \(id) overlaps")
            }
            cells.append((x, y, w, h))
        }
    }

    @Test func budgetLinesComeFromTheThresholds() throws {
        let text = try Self.dashboard().serialized(pretty: false)
        #expect(text.contains(#"{"color":"red","value":36175872.0}"#))
        #expect(text.contains(#"{"color":"red","value":0.5}"#))
        #expect(text.contains(#"{"color":"red","value":0.05}"#))
        #expect(text.contains("Agents coordinating (limit 50)"))
    }

    /// Identifiers outside strings, `$variables` and range brackets.
    static func identifiers(in expression: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inString = false, inRange = false, inVariable = false
        for character in expression + " " {
            if inString { if character == "\"" { inString = false }; continue }
            if inRange { if character == "]" { inRange = false }; continue }
            if character.isLetter || character == "_" || (character.isNumber && !current.isEmpty) {
                current.append(character)
                continue
            }
            if !current.isEmpty && !inVariable && !current.first!.isNumber { words.append(current) }
            current = ""
            inVariable = character == "$"
            if character == "\"" { inString = true }
            if character == "[" { inRange = true }
        }
        return words
    }
}
