/// The trend report as one self-contained HTML file: inline CSS, every chart as inline SVG, no
/// scripts and no external references, so a CI can publish it as an artifact or a page.
public struct TrendHTML: Sendable {
    /// The chart renderer used for each series.
    public var chart = TrendChart()

    /// Creates a renderer.
    public init() {}

    private static let style = """
        body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;margin:24px;color:#111;max-width:900px}
        table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #ccc;padding:3px 8px;font-size:13px}
        th{background:#f3f3f3}td.n{text-align:right}.worse{color:#b71c1c;font-weight:bold}
        .better{color:#1b5e20;font-weight:bold}code{font-size:12px}section{margin-top:28px}
        """

    /// The HTML document (UTF-8), ending with a newline.
    ///
    /// - Complexity: O(n) in the total number of points.
    public func render(_ report: TrendReport) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<title>Performance trend</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
        html += "<h1>Performance trend</h1>\n<p>\(TextEscaping.xml(TrendSummary.headline(report)))</p>\n"
        html += "<p>\(TextEscaping.xml(TrendSummary.method(report.detector)))</p>\n"
        html += summaryTable(report)
        for series in report.series {
            html += "<section>\n<h2>\(TextEscaping.xml("\(series.benchmark) · \(series.metric)"))</h2>\n"
            html += chart.svg(for: series, runs: report.runs)
            html += changeTable(series, runs: report.runs)
            html += "</section>\n"
        }
        if !report.warnings.isEmpty {
            html += "<h2>Warnings</h2>\n<ul>\n"
            html += report.warnings.map { "<li>\(TextEscaping.xml($0))</li>\n" }.joined()
            html += "</ul>\n"
        }
        return html + "</body>\n</html>\n"
    }

    private func summaryTable(_ report: TrendReport) -> String {
        var html = "<table>\n<tr><th>benchmark</th><th>metric</th><th>runs</th><th>first p50</th>"
        html += "<th>latest p50</th><th>change points</th></tr>\n"
        for series in report.series {
            let first = series.points.first.map { AxisScale.label($0.p50, unit: series.unit) } ?? "—"
            let latest = series.points.last.map { AxisScale.label($0.p50, unit: series.unit) } ?? "—"
            html += "<tr><td><code>\(TextEscaping.xml(series.benchmark))</code></td>"
            html += "<td><code>\(TextEscaping.xml(series.metric))</code></td>"
            html += "<td class=\"n\">\(series.points.count)</td><td class=\"n\">\(TextEscaping.xml(first))</td>"
            html += "<td class=\"n\">\(TextEscaping.xml(latest))</td>"
            html += "<td>\(TextEscaping.xml(TrendSummary.changes(series, runs: report.runs)))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func changeTable(_ series: TrendSeries, runs: [TrendRun]) -> String {
        guard !series.changePoints.isEmpty else { return "<p>No change point.</p>\n" }
        var html = "<table>\n<tr><th>index</th><th>run</th><th>commit</th><th>median before</th>"
        html += "<th>median after</th><th>step</th><th>p-value</th></tr>\n"
        for change in series.changePoints {
            let run = TrendSummary.run(of: change, in: series, runs: runs)
            let direction = change.isRegression(better: series.better) ? "worse" : "better"
            html += "<tr><td class=\"n\">\(change.index)</td><td>\(TextEscaping.xml(run?.id ?? "—"))</td>"
            html += "<td><code>\(TextEscaping.xml(run?.commit ?? "—"))</code></td>"
            html += "<td class=\"n\">\(TextEscaping.xml(AxisScale.label(change.medianBefore, unit: series.unit)))</td>"
            html += "<td class=\"n\">\(TextEscaping.xml(AxisScale.label(change.medianAfter, unit: series.unit)))</td>"
            html += "<td class=\"n \(direction)\">\(TextEscaping.xml(TrendSummary.step(change))) \(direction)</td>"
            html += "<td class=\"n\">\(TextEscaping.xml(TrendFormatting.pValue(change.pValue)))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
