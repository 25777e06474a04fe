import Foundation

/// docs/capacity.svg: coordination round p95 and API p95 (seconds) against agents, both axes
/// logarithmic, each seconds objective as a dashed horizontal line. Points with no positive value are
/// left out; with no point at all the chart says so.
struct CapacityChart {
    /// One curve: its name, colour and (agents, seconds) points in agent order.
    struct Series {
        var name: String
        var color: String
        var points: [(agents: Int, seconds: Double)]
    }

    var series: [Series]
    /// Horizontal lines: label and seconds.
    var lines: [(label: String, seconds: Double)]

    /// The chart of a capacity document: round p95 (red) and API p95 (blue), seconds objectives dashed.
    init(document: CapacityDocument) {
        func points(_ kind: CapacityRampKind, _ value: (CapacityPoint) -> Double?) -> [(agents: Int, seconds: Double)] {
            (document.ramp(kind)?.points ?? []).compactMap { point in value(point).flatMap { $0 > 0 ? (point.agents, $0) : nil } }
        }
        series = [
            Series(name: "round p95", color: "#d62728", points: points(.coordination, \.roundP95)),
            Series(name: "API p95", color: "#1f77b4", points: points(.api, \.apiP95)),
        ].filter { !$0.points.isEmpty }
        lines = document.ramps.flatMap(\.objectives).filter { $0.isSeconds && $0.maximum > 0 }.map { ($0.text, $0.maximum) }
    }

    /// The SVG text.
    func svg() -> String {
        let values = series.flatMap { $0.points.map(\.seconds) } + lines.map(\.seconds)
        let maxAgents = series.flatMap { $0.points.map(\.agents) }.max()
        guard let low = values.min(), let high = values.max(), let maxAgents else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"60\"><text x=\"10\" y=\"30\">no data</text></svg>\n"
        }
        let (w, h, l, r, t, b) = (720.0, 400.0, 70.0, 20.0, 40.0, 50.0)
        let yLow = Foundation.log10(low) - 0.15, yHigh = Foundation.log10(high) + 0.15
        let xHigh = max(Foundation.log10(Double(maxAgents)), 0.3)
        let x = { (agents: Int) in l + (w - l - r) * Foundation.log10(Double(agents)) / xHigh }
        let y = { (seconds: Double) in t + (h - t - b) * (yHigh - Foundation.log10(seconds)) / (yHigh - yLow) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        svg += "<text x=\"\(Int(l))\" y=\"20\">Time (log) against agents (log); dashed: objectives</text>\n"
        svg += Self.line(l, h - b, w - r, h - b, "black") + Self.line(l, t, l, h - b, "black")
        var agents = 1
        while agents <= maxAgents {
            svg += "<text x=\"\(Int(x(agents)))\" y=\"\(Int(h - b + 16))\" text-anchor=\"middle\">\(agents)</text>\n"
            agents *= 2
        }
        var decade = pow(10, yLow.rounded(.up))
        while Foundation.log10(decade) <= yHigh {
            svg += "<text x=\"\(Int(l - 6))\" y=\"\(Int(y(decade)) + 4)\" text-anchor=\"end\">\(Self.label(decade))</text>\n"
            decade *= 10
        }
        for line in lines {
            svg += Self.line(l, y(line.seconds), w - r, y(line.seconds), "gray", dashed: true)
            svg += "<text x=\"\(Int(l + 6))\" y=\"\(Int(y(line.seconds)) - 4)\" font-size=\"11\" fill=\"gray\">"
                + "\(Self.escaped(line.label))</text>\n"
        }
        for (index, curve) in series.enumerated() {
            let coordinates = curve.points.map { "\(Int(x($0.agents))),\(Int(y($0.seconds)))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(curve.color)\" stroke-width=\"2\" points=\"\(coordinates)\"/>\n"
            svg += "<text x=\"\(Int(w - r) - 90 * (series.count - index))\" y=\"20\" fill=\"\(curve.color)\">\(curve.name)</text>\n"
            for point in curve.points {
                svg += "<circle cx=\"\(Int(x(point.agents)))\" cy=\"\(Int(y(point.seconds)))\" r=\"2.5\" fill=\"\(curve.color)\"/>\n"
            }
        }
        return svg + "<text x=\"\(Int((l + w - r) / 2))\" y=\"\(Int(h - 12))\" text-anchor=\"middle\">agents</text>\n</svg>\n"
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String, dashed: Bool = false) -> String {
        "<line x1=\"\(Int(x1))\" y1=\"\(Int(y1))\" x2=\"\(Int(x2))\" y2=\"\(Int(y2))\" stroke=\"\(color)\""
            + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n"
    }

    /// Text with `&`, `<` and `>` escaped for XML.
    static func escaped(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    /// `1 ms`, `10 ms`, `1 s` for a power of ten in seconds.
    private static func label(_ seconds: Double) -> String {
        if seconds >= 1 { return "\(Int(seconds.rounded())) s" }
        if seconds >= 0.001 { return "\(Int((seconds * 1000).rounded())) ms" }
        return CalibrationReport.formatNumber(seconds * 1000) + " ms"
    }
}
