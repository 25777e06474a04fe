import PerfGateResults

/// Builders for the JSON of Grafana panels (classic dashboard model), datasource `${datasource}`.
enum DashboardPanels {
    /// The datasource reference every panel and query variable uses.
    static let datasource: JSONValue = ["type": "prometheus", "uid": "${datasource}"]

    /// A Prometheus query of a panel.
    struct Query {
        var expression: String
        var legend: String
    }

    /// A grid position on Grafana's 24-column grid.
    struct Grid {
        var x: Int, y: Int, w: Int, h: Int
        var json: JSONValue { ["x": .integer(x), "y": .integer(y), "w": .integer(w), "h": .integer(h)] }
    }

    /// Threshold steps: green below `limit`, red from it (`nil` limit: green only).
    static func thresholds(limit: Double?, belowIsBad: Bool = false) -> JSONValue {
        guard let limit else { return ["mode": "absolute", "steps": [["color": "green", "value": nil]]] }
        let (low, high): (JSONValue, JSONValue) = belowIsBad ? ("red", "green") : ("green", "red")
        return ["mode": "absolute", "steps": [["color": low, "value": nil], ["color": high, "value": .number(limit)]]]
    }

    static func targets(_ queries: [Query]) -> JSONValue {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return .array(queries.enumerated().map { index, query in
            ["refId": .string(String(letters[index])), "expr": .string(query.expression), "legendFormat": .string(query.legend)]
        })
    }

    /// A stat panel showing the last value of one query.
    static func stat(id: Int, title: String, description: String, grid: Grid, query: Query, unit: String?, thresholds: JSONValue) -> JSONValue {
        var defaults: [(key: String, value: JSONValue)] = [("thresholds", thresholds)]
        if let unit { defaults.append(("unit", .string(unit))) }
        return .object([
            ("id", .integer(id)), ("type", "stat"), ("title", .string(title)), ("description", .string(description)),
            ("gridPos", grid.json), ("datasource", datasource), ("targets", targets([query])),
            ("fieldConfig", ["defaults": .object(defaults), "overrides": []]),
            ("options", ["reduceOptions": ["calcs": ["lastNotNull"]], "colorMode": "background"]),
        ])
    }

    /// A time-series panel; `limit` draws a dashed red threshold line.
    static func timeseries(id: Int, title: String, description: String, grid: Grid, queries: [Query], unit: String, limit: Double?) -> JSONValue {
        let custom: JSONValue = ["thresholdsStyle": ["mode": limit == nil ? "off" : "dashed"]]
        return .object([
            ("id", .integer(id)), ("type", "timeseries"), ("title", .string(title)), ("description", .string(description)),
            ("gridPos", grid.json), ("datasource", datasource), ("targets", targets(queries)),
            ("fieldConfig", ["defaults": ["unit": .string(unit), "custom": custom, "thresholds": thresholds(limit: limit)], "overrides": []]),
            ("options", [
                "legend": ["showLegend": true, "displayMode": "list", "placement": "bottom", "calcs": []],
                "tooltip": ["mode": "multi", "sort": "desc"],
            ]),
        ])
    }
}
