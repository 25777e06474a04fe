/// One series as a standalone SVG chart, written by hand: axes with ticks in human units, the p5–p95
/// band, the p50 line and points (with tooltips), segment medians, and change points as labelled
/// vertical lines.
///
/// Layout rules that keep text from overlapping: the title has the first line (the benchmark id is
/// shortened in the middle to fit), the legend the second; margins are sized from the longest tick
/// label; the latest value is labelled in the right margin; change-point labels are placed in rows
/// above the plot (at most ``maximumLabelRows``; a change point that finds no room keeps its line and
/// is listed in the tables). Points are drawn as circles
/// only up to ``maximumMarkers`` points, so a chart stays small for long histories.
public struct TrendChart: Sendable {
    /// Width of the image, px.
    public var width: Double = 760
    /// Height of the image, px.
    public var height: Double = 320
    /// Series longer than this are drawn as a line without point markers.
    public var maximumMarkers = 200
    /// Rows of change-point labels above the plot.
    public var maximumLabelRows = 3

    /// Creates a chart renderer with the default size (760 × 320 px).
    public init() {}

    /// Approximate advance of one character of the 11 px sans-serif font, px (DejaVu Sans digits are
    /// 0.64 em); used to size margins and keep labels apart.
    static let characterWidth = 7.0

    /// The SVG document of `series` (UTF-8 text, well-formed XML, no scripts, no external references).
    ///
    /// - Parameters:
    ///   - series: The series to draw; an empty one draws axes and a "no data" note.
    ///   - runs: The report's runs, for tooltips and change-point labels (commits).
    /// - Complexity: O(n) for n points, plus O(k²) for k change points' label placement.
    public func svg(for series: TrendSeries, runs: [TrendRun]) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let layout = ChartLayout(chart: self, series: series, runs: runs)
        canvas.open()
        drawFrame(&canvas, layout: layout, series: series)
        drawData(&canvas, layout: layout, series: series, runs: runs)
        drawChangePoints(&canvas, layout: layout, series: series)
        canvas.close()
        return canvas.text
    }

    private func drawFrame(_ canvas: inout SVGCanvas, layout: ChartLayout, series: TrendSeries) {
        let plot = layout.plot
        // Bold 13 px DejaVu Sans averages about 8.6 px per character of an id.
        let titleRoom = Int((width - 16) / 8.6)
        // Shorten the benchmark id, not the metric name, which is short and tells what the chart shows.
        let metric = TextEscaping.shortened(series.metric, limit: titleRoom / 2)
        let benchmark = TextEscaping.shortened(series.benchmark, limit: Swift.max(8, titleRoom - metric.count - 3))
        let title = "\(benchmark) · \(metric)"
        canvas.text(title, x: 8, y: 18, size: 13, weight: "bold")
        drawLegend(&canvas, left: plot.left, y: 36)
        for (tick, label) in zip(layout.yScale.ticks, layout.yScale.labels) {
            let y = layout.y(tick)
            canvas.line(x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: "#e3e3e3")
            canvas.text(label, x: plot.left - 6, y: y + 4, anchor: "end", fill: "#333")
        }
        for tick in layout.xTicks {
            let x = layout.x(Double(tick))
            canvas.line(x1: x, y1: plot.bottom, x2: x, y2: plot.bottom + 4, stroke: "#555")
            canvas.text(String(tick), x: x, y: plot.bottom + 16, anchor: "middle", fill: "#333")
        }
        canvas.line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, stroke: "#555")
        canvas.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: "#555")
        let runs = series.points.count
        canvas.text(
            "run index (oldest → newest), \(runs) run\(runs == 1 ? "" : "s")",
            x: (plot.left + plot.right) / 2, y: height - 8, anchor: "middle", fill: "#333"
        )
        let axisTitle = "p50 per run, \(series.better == .lower ? "lower" : "higher") is better"
        canvas.text(axisTitle, x: 14, y: (plot.top + plot.bottom) / 2, anchor: "middle", fill: "#333", rotate: true)
        if series.points.isEmpty {
            canvas.text("no data", x: (plot.left + plot.right) / 2, y: (plot.top + plot.bottom) / 2, anchor: "middle")
        }
    }

    /// The legend on the line under the title: p50, band, segment median, change point.
    private func drawLegend(_ canvas: inout SVGCanvas, left: Double, y: Double) {
        var x = left
        canvas.line(x1: x, y1: y - 4, x2: x + 16, y2: y - 4, stroke: "#1f6fb5", width: 2)
        canvas.text("p50 per run", x: x + 20, y: y, fill: "#333")
        x += 104
        canvas.rect(x: x, y: y - 10, width: 16, height: 10, fill: "#cfe3f7")
        canvas.text("p5–p95", x: x + 20, y: y, fill: "#333")
        x += 80
        canvas.line(x1: x, y1: y - 4, x2: x + 16, y2: y - 4, stroke: "#6b4e16", width: 1.2, dash: "6 3")
        canvas.text("median between change points", x: x + 20, y: y, fill: "#333")
        x += 226
        canvas.line(x1: x + 8, y1: y - 12, x2: x + 8, y2: y + 2, stroke: "#c62828", width: 1.5, dash: "4 3")
        canvas.text("change point", x: x + 20, y: y, fill: "#333")
    }

    private func drawData(_ canvas: inout SVGCanvas, layout: ChartLayout, series: TrendSeries, runs: [TrendRun]) {
        let points = series.points
        guard !points.isEmpty else { return }
        let upper = points.indices.map { (layout.x(Double($0)), layout.y(points[$0].p95)) }
        let lower = points.indices.reversed().map { (layout.x(Double($0)), layout.y(points[$0].p5)) }
        canvas.polygon(upper + lower, fill: "#cfe3f7")
        let medians = points.indices.map { (layout.x(Double($0)), layout.y(points[$0].p50)) }
        canvas.polyline(medians, stroke: "#1f6fb5", width: 1.6)
        if points.count <= maximumMarkers {
            for (index, point) in points.enumerated() {
                let run = runs.indices.contains(point.run) ? runs[point.run] : nil
                let tip = "#\(index) \(run?.id ?? "") commit \(run?.shortCommit ?? "—"): p50 "
                    + "\(AxisScale.label(point.p50, unit: series.unit)), p5–p95 \(AxisScale.label(point.p5, unit: series.unit))"
                    + " – \(AxisScale.label(point.p95, unit: series.unit)), \(point.count) samples"
                canvas.circle(x: medians[index].0, y: medians[index].1, radius: 2.6, fill: "#1f6fb5", title: tip)
            }
        }
        let last = medians[medians.count - 1]
        let latest = AxisScale.label(points[points.count - 1].p50, unit: series.unit)
        canvas.text(latest, x: layout.plot.right + 8, y: last.1 + 4, fill: "#1f6fb5", weight: "bold")
    }

    private func drawChangePoints(_ canvas: inout SVGCanvas, layout: ChartLayout, series: TrendSeries) {
        guard !series.changePoints.isEmpty else { return }
        let plot = layout.plot
        let bounds = [0] + series.changePoints.map(\.index) + [series.points.count]
        for segment in 0..<(bounds.count - 1) {
            let median = segment < series.changePoints.count
                ? series.changePoints[segment].medianBefore : series.changePoints[segment - 1].medianAfter
            let y = layout.y(median)
            canvas.line(
                x1: layout.x(Double(bounds[segment]) - 0.3), y1: y, x2: layout.x(Double(bounds[segment + 1] - 1) + 0.3),
                y2: y, stroke: "#6b4e16", width: 1.2, dash: "6 3"
            )
        }
        for (changePoint, label) in zip(series.changePoints, layout.changeLabels) {
            let x = layout.x(Double(changePoint.index) - 0.5)
            canvas.line(x1: x, y1: plot.top - 2, x2: x, y2: plot.bottom, stroke: "#c62828", width: 1.5, dash: "4 3")
            guard let label else { continue }
            canvas.text(label.text, x: label.x, y: label.y, anchor: label.anchor, fill: "#c62828", weight: "bold")
        }
    }
}
