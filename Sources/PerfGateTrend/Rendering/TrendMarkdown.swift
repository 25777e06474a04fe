/// The trend report as GitHub-flavoured Markdown: a headline, a compact table with one row per series,
/// then per series its chart (an image link to an SVG file written beside the Markdown) and a table
/// of its change points.
///
/// Text from results files (benchmark ids, metric names, run ids, commits) is escaped so that it can
/// neither break a table nor inject markup.
public struct TrendMarkdown: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The Markdown text, ending with a newline.
    ///
    /// - Parameters:
    ///   - report: The trend to render.
    ///   - chartPath: For series `i` (index into `report.series`), the relative path of its SVG file, or
    ///     nil to leave the chart out (for example when writing to standard output).
    /// - Complexity: O(s + k) for s series and k change points.
    public func render(_ report: TrendReport, chartPath: (Int) -> String? = { _ in nil }) -> String {
        var lines = ["# Performance trend", "", TextEscaping.markdown(TrendSummary.headline(report)), ""]
        lines.append(TextEscaping.markdown(TrendSummary.method(report.detector)))
        lines += ["", "| benchmark | metric | runs | first p50 | latest p50 | change points |"]
        lines.append("| --- | --- | ---: | ---: | ---: | --- |")
        for series in report.series {
            let first = series.points.first.map { AxisScale.label($0.p50, unit: series.unit) } ?? "—"
            let latest = series.points.last.map { AxisScale.label($0.p50, unit: series.unit) } ?? "—"
            let cells = [
                series.benchmark, series.metric, String(series.points.count), first, latest,
                TrendSummary.changes(series, runs: report.runs),
            ]
            lines.append("| " + cells.map(TextEscaping.markdown).joined(separator: " | ") + " |")
        }
        for (index, series) in report.series.enumerated() {
            lines += ["", "## " + TextEscaping.markdown("\(series.benchmark) · \(series.metric)"), ""]
            if let path = chartPath(index) {
                let alt = TextEscaping.markdown("\(series.benchmark) \(series.metric) p50 trend")
                lines += ["![\(alt)](\(Self.linkTarget(path)))", ""]
            }
            lines += changeTable(series, runs: report.runs)
        }
        if !report.warnings.isEmpty {
            lines += ["", "## Warnings", ""]
            lines += report.warnings.map { "- " + TextEscaping.markdown($0) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func changeTable(_ series: TrendSeries, runs: [TrendRun]) -> [String] {
        guard !series.changePoints.isEmpty else { return ["No change point."] }
        var lines = ["| index | run | commit | median before | median after | step | p-value |"]
        lines.append("| ---: | --- | --- | ---: | ---: | ---: | ---: |")
        for change in series.changePoints {
            let run = TrendSummary.run(of: change, in: series, runs: runs)
            let direction = change.isRegression(better: series.better) ? "worse" : "better"
            let cells = [
                String(change.index), run?.id ?? "—", TrendSummary.commit(of: change, in: series, runs: runs),
                AxisScale.label(change.medianBefore, unit: series.unit),
                AxisScale.label(change.medianAfter, unit: series.unit),
                "\(TrendSummary.step(change)) (\(direction))", TrendFormatting.pValue(change.pValue),
            ]
            lines.append("| " + cells.map(TextEscaping.markdown).joined(separator: " | ") + " |")
        }
        return lines
    }

    /// A relative path as a Markdown link target: spaces and parentheses percent-encoded.
    static func linkTarget(_ path: String) -> String {
        var result = ""
        for character in path {
            switch character {
            case " ": result += "%20"
            case "(": result += "%28"
            case ")": result += "%29"
            case "<": result += "%3C"
            case ">": result += "%3E"
            default: result.append(character)
            }
        }
        return result
    }
}
