/// Where things go in one ``TrendChart``: the plot rectangle, the scales and the label positions.
struct ChartLayout {
    struct Plot {
        var left: Double
        var right: Double
        var top: Double
        var bottom: Double
    }

    /// A placed change-point label.
    struct Label {
        var text: String
        var x: Double
        var y: Double
        var anchor: String
    }

    var plot: Plot
    var yScale: AxisScale
    var xTicks: [Int]
    var count: Int
    /// One entry per change point; nil where no row had room.
    var changeLabels: [Label?]

    init(chart: TrendChart, series: TrendSeries, runs: [TrendRun]) {
        let points = series.points
        let low = points.map { Swift.min($0.p5, $0.p50) }.min() ?? 0
        let high = points.map { Swift.max($0.p95, $0.p50) }.max() ?? 1
        yScale = AxisScale(low: low, high: high, unit: series.unit)
        count = points.count
        let widestTick = yScale.labels.map(\.count).max() ?? 1
        let latest = points.last.map { AxisScale.label($0.p50, unit: series.unit).count } ?? 0
        let texts = series.changePoints.map { ChartLayout.labelText($0, series: series, runs: runs) }
        let left = 30 + Double(widestTick) * TrendChart.characterWidth + 8
        let right = chart.width - (Double(latest) * TrendChart.characterWidth + 16)
        // Lay labels out once to know how many rows they need, then size the top margin.
        plot = Plot(left: left, right: right, top: 0, bottom: chart.height - 44)
        xTicks = ChartLayout.ticks(count: points.count)
        changeLabels = []
        let provisional = ChartLayout.place(texts, changePoints: series.changePoints, layout: self, rows: chart.maximumLabelRows)
        // Title line, legend line, then the change-point label rows.
        let top = 50 + 15 * Double(provisional.rows)
        plot.top = top
        changeLabels = provisional.labels.map { label in
            label.map { Label(text: $0.text, x: $0.x, y: $0.y + top, anchor: $0.anchor) }
        }
    }

    /// The x of point `index` (fractions allowed, for lines between points).
    func x(_ index: Double) -> Double {
        let pad = 10.0
        guard count > 1 else { return (plot.left + plot.right) / 2 }
        return plot.left + pad + index * (plot.right - plot.left - 2 * pad) / Double(count - 1)
    }

    /// The y of `value`.
    func y(_ value: Double) -> Double {
        let span = yScale.upper - yScale.lower
        guard span > 0 else { return (plot.top + plot.bottom) / 2 }
        return plot.bottom - (value - yScale.lower) / span * (plot.bottom - plot.top)
    }

    /// `#17 1a2b3c4 +20.0%`: the index, commit and relative step of a change point.
    static func labelText(_ changePoint: ChangePoint, series: TrendSeries, runs: [TrendRun]) -> String {
        let point = series.points[changePoint.index]
        let commit = runs.indices.contains(point.run) ? runs[point.run].shortCommit : "—"
        let step = changePoint.relativeChange.map(TrendFormatting.percent) ?? "from 0"
        return "#\(changePoint.index) \(commit) \(step)"
    }

    /// Integer ticks over 0…count−1, about 8 of them, at 1, 2 or 5 × 10ᵏ steps.
    static func ticks(count: Int) -> [Int] {
        guard count > 1 else { return count == 1 ? [0] : [] }
        let step = Swift.max(1, Int(AxisScale.niceStep(Double(count - 1) / 8)))
        return Array(stride(from: 0, through: count - 1, by: step))
    }

    /// Greedy row placement: each label goes in the first row where it clears the previous label by
    /// 8 px; it starts right of its line, or ends left of it when it would leave the plot. The y values
    /// are relative to the plot's top (negative: above it); row 0 is the lowest.
    private static func place(
        _ texts: [String], changePoints: [ChangePoint], layout: ChartLayout, rows: Int
    ) -> (labels: [Label?], rows: Int) {
        var rowEnds: [Double] = []
        var labels: [Label?] = []
        for (text, changePoint) in zip(texts, changePoints) {
            let lineX = layout.x(Double(changePoint.index) - 0.5)
            let textWidth = Double(text.count) * TrendChart.characterWidth
            var start = lineX + 4
            var anchor = "start"
            if start + textWidth > layout.plot.right + 60 {
                start = lineX - 4 - textWidth
                anchor = "end"
            }
            guard let row = (0..<rows).first(where: { $0 >= rowEnds.count || rowEnds[$0] + 8 <= start }) else {
                labels.append(nil)
                continue
            }
            if row >= rowEnds.count { rowEnds.append(0) }
            rowEnds[row] = start + textWidth
            let x = anchor == "start" ? start : lineX - 4
            labels.append(Label(text: text, x: x, y: -6 - 15 * Double(row), anchor: anchor))
        }
        return (labels, rowEnds.count)
    }
}
