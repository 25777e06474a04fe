import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PerfGateResults
import Testing
@testable import PerfGateTrend

struct TrendRenderingTests {
    let report = TrendReport(inputs: TrendReportTests.history())

    /// Whether `text` parses as XML; the parser's error otherwise.
    static func parseXML(_ text: String) -> (Bool, String) {
        let parser = XMLParser(data: Data(text.utf8))
        let ok = parser.parse()
        return (ok, parser.parserError.map { "\($0)" } ?? "")
    }

    @Test func `the SVG chart is well-formed XML with units on the axis and the change point labelled`() {
        let svg = TrendChart().svg(for: report.series[0], runs: report.runs)
        let (ok, error) = Self.parseXML(svg)
        #expect(ok, "\(error)")
        #expect(svg.contains(" ms</text>"))
        #expect(svg.contains("#17 7777777 +"))
        #expect(svg.contains("run index (oldest → newest), 30 runs"))
        #expect(!svg.contains("<script"))
    }

    @Test func `hostile names stay well-formed and escaped in SVG, HTML and Markdown`() {
        var series = report.series[0]
        series.benchmark = "x/<script>alert(1)</script>&\"'\u{1}|[a](javascript:b)"
        let hostile = TrendReport(runs: report.runs, series: [series], detector: report.detector, warnings: [])
        let svg = TrendChart().svg(for: series, runs: report.runs)
        #expect(Self.parseXML(svg).0)
        #expect(!svg.contains("<script>"))
        let html = TrendHTML().render(hostile)
        #expect(!html.contains("<script>"))
        let markdown = TrendMarkdown().render(hostile)
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("[a](javascript"))
        #expect(markdown.contains("\\|"))
    }

    @Test func `a single point and an empty series still render valid SVG`() {
        var one = report.series[0]
        one.points = [one.points[0]]
        one.changePoints = []
        #expect(Self.parseXML(TrendChart().svg(for: one, runs: report.runs)).0)
        one.points = []
        #expect(Self.parseXML(TrendChart().svg(for: one, runs: report.runs)).0)
    }

    @Test func `the HTML page is self-contained`() {
        let html = TrendHTML().render(report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == report.series.count)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        let external = try! NSRegularExpression(pattern: "(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)", options: [.caseInsensitive])
        #expect(external.numberOfMatches(in: html, range: NSRange(html.startIndex..., in: html)) == 0)
        #expect(!html.contains("url("))
    }

    @Test func `Markdown has a compact table and links each chart`() {
        let markdown = TrendMarkdown().render(report) { "charts/\($0).svg" }
        #expect(markdown.contains("| benchmark | metric | runs | first p50 | latest p50 | change points |"))
        #expect(markdown.contains("![coordination/contract-net\\[agents=10\\] round\\_seconds p50 trend](charts/0.svg)"))
        #expect(markdown.contains("| 17 | run-1017 | 7777777 |"))
    }

    @Test func `JSON lists series and change points with run, commit, size and significance`() throws {
        let text = TrendJSON.serialized(report)
        let json = try JSONValue.parse(Array(text.utf8))
        #expect(json["schema"] == "perfgate/trend@1")
        #expect(json["detection"]?["method"] == "e-divisive-means")
        #expect(json["detection"]?["permutations"] == 199)
        guard case .array(let runs)? = json["runs"], case .array(let series)? = json["series"] else {
            Issue.record("runs and series must be arrays")
            return
        }
        #expect(runs.count == 30)
        #expect(series.count == 2)
        let first = series[0]
        #expect(first["benchmark"] == "coordination/contract-net[agents=10]")
        #expect(first["unit"] == "seconds")
        guard case .array(let points)? = first["points"], case .array(let changes)? = first["changePoints"] else {
            Issue.record("points and changePoints must be arrays")
            return
        }
        #expect(points.count == 30)
        #expect(points[0]["p50"]?.doubleValue != nil && points[0]["p5"]?.doubleValue != nil)
        #expect(changes.count == 1)
        let change = changes[0]
        #expect(change["index"] == 17)
        #expect(change["runId"] == "run-1017")
        #expect(change["commit"] == "7777777deadbeef")
        #expect(change["direction"] == "worse")
        #expect(abs((change["relativeChange"]?.doubleValue ?? 0) - 0.2) < 0.03)
        #expect((change["pValue"]?.doubleValue ?? 1) <= 0.01)
    }

    @Test(arguments: [
        (0.000_49, 0.000_61, "seconds"), (1.0, 1.2, "seconds"), (30_000_000.0, 36_000_000.0, "bytes"),
        (0.001, 0.05, "ratio"), (1_500.0, 2_100.0, "per_second"), (0.0, 0.0, "seconds"), (97.0, 103.0, "count"),
    ])
    func `axis ticks are nice, cover the range and never repeat a label`(low: Double, high: Double, unit: String) {
        let scale = AxisScale(low: low, high: high, unit: unit)
        #expect(scale.lower <= low && scale.upper >= high)
        #expect(Set(scale.labels).count == scale.labels.count)
        #expect((3...12).contains(scale.ticks.count))
    }

    @Test func `a constant zero ratio gets ticks from 0 up, never negative`() {
        let scale = AxisScale(low: 0, high: 0, unit: "ratio")
        #expect(scale.lower == 0)
        #expect(scale.labels.first == "0%")
        #expect(AxisScale(low: 0.0001, high: 0.0002, unit: "seconds").lower >= 0)
    }

    @Test func `tick labels carry the unit`() {
        #expect(AxisScale(low: 0.000_49, high: 0.000_61, unit: "seconds").labels.allSatisfy { $0.hasSuffix(" µs") })
        #expect(AxisScale(low: 30e6, high: 36e6, unit: "bytes").labels.allSatisfy { $0.hasSuffix(" MiB") })
        #expect(AxisScale(low: 0.001, high: 0.05, unit: "ratio").labels.allSatisfy { $0.hasSuffix("%") })
    }

    @Test func `the folder writer writes Markdown, charts, HTML and JSON`() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trend-files-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try TrendFiles.write(report, to: folder, outputs: Set(TrendFiles.Output.allCases))
        #expect(written.count == 2 + 3)
        let markdown = try String(contentsOfFile: folder + "/trend.md", encoding: .utf8)
        for (index, series) in report.series.enumerated() {
            let chart = TrendFiles.chartPath(for: series, index: index)
            #expect(markdown.contains("](\(chart))"))
            #expect(FileManager.default.fileExists(atPath: folder + "/" + chart))
        }
    }
}
