import Dispatch
public import PerfGateResults
import Synchronization

/// Writes a trend report as a folder of files: `trend.md` with `charts/*.svg`, `trend.html`,
/// `trend.json`. Every file is written atomically (``AtomicFile``).
public enum TrendFiles {
    /// What to write into the folder.
    public enum Output: String, Sendable, Hashable, CaseIterable {
        /// `trend.md` and the charts it links to (`charts/NNN-benchmark-metric.svg`).
        case markdown
        /// `trend.html`, self-contained.
        case html
        /// `trend.json` (`perfgate/trend@1`).
        case json
        /// `charts/NNN-benchmark-metric.svg` only.
        case svg
    }

    /// The chart file of series `index`, relative to the folder: `charts/001-coordination-contract-net-agents-50-round_seconds.svg`.
    /// The number keeps names unique; the slug keeps them readable.
    public static func chartPath(for series: TrendSeries, index: Int) -> String {
        let number = String(index + 1)
        let padded = String(repeating: "0", count: Swift.max(0, 3 - number.count)) + number
        return "charts/\(padded)-\(TextEscaping.slug(series.benchmark))-\(TextEscaping.slug(series.metric)).svg"
    }

    /// Writes `outputs` of `report` into `folder` (created if missing) and returns the paths written.
    ///
    /// - Throws: ``ResultsError`` naming the file that could not be written; files written before it stay.
    /// - Complexity: O(n) in the total number of points.
    public static func write(_ report: TrendReport, to folder: String, outputs: Set<Output>) throws(ResultsError) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var written: [String] = []
        func put(_ text: String, _ name: String) throws(ResultsError) {
            let path = base.isEmpty ? "/" + name : base + "/" + name
            try AtomicFile.write(Array(text.utf8), to: path)
            written.append(path)
        }
        if outputs.contains(.markdown) || outputs.contains(.svg) {
            written += try writeCharts(report, base: base)
        }
        if outputs.contains(.markdown) {
            let markdown = TrendMarkdown().render(report) { chartPath(for: report.series[$0], index: $0) }
            try put(markdown, "trend.md")
        }
        if outputs.contains(.html) { try put(TrendHTML().render(report), "trend.html") }
        if outputs.contains(.json) { try put(TrendJSON.serialized(report), "trend.json") }
        return written
    }

    /// Renders and writes every chart, several at a time (each write waits for `fsync`); the first
    /// failure in series order is thrown.
    private static func writeCharts(_ report: TrendReport, base: String) throws(ResultsError) -> [String] {
        let chart = TrendChart()
        let paths = report.series.indices.map { index in
            let name = chartPath(for: report.series[index], index: index)
            return base.isEmpty ? "/" + name : base + "/" + name
        }
        let failures = Mutex([ResultsError?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            do throws(ResultsError) {
                let svg = chart.svg(for: report.series[index], runs: report.runs)
                try AtomicFile.write(Array(svg.utf8), to: paths[index])
            } catch {
                failures.withLock { $0[index] = error }
            }
        }
        if let failure = failures.withLock({ $0.compactMap { $0 }.first }) { throw failure }
        return paths
    }
}
