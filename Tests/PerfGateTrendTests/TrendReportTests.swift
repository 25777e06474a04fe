import PerfGateResults
import PerfGateStatistics
import Testing
@testable import PerfGateTrend

struct TrendReportTests {
    /// 30 runs of one benchmark, 20 % slower from run 17 on, given in a scrambled order.
    static func history(stepAt: Int? = 17) -> [(path: String, results: BenchmarkResults)] {
        var data = SyntheticSeries(seed: 77)
        let inputs = (0..<30).map { index -> (path: String, results: BenchmarkResults) in
            let center = 0.012 * (stepAt.map { index >= $0 ? 1.2 : 1 } ?? 1)
            let rounds = data.samples(center: center)
            let results = SyntheticSeries.results(
                index: index,
                metrics: [
                    "round_seconds": ("seconds", .lower, rounds),
                    "throughput_per_second": ("per_second", .higher, rounds.map { 10 / $0 }),
                ]
            )
            return ("history/run-\(index).json", results)
        }
        return inputs.enumerated().sorted { ($0.offset * 7) % 30 < ($1.offset * 7) % 30 }.map(\.element)
    }

    @Test func `runs are ordered by start time whatever order the files come in`() {
        let report = TrendReport(inputs: Self.history())
        #expect(report.runs.map(\.id) == (0..<30).map { "run-\(1000 + $0)" })
        #expect(report.series.map(\.metric) == ["round_seconds", "throughput_per_second"])
    }

    @Test func `points are type 7 quantiles of the samples`() {
        let inputs = Self.history()
        let report = TrendReport(inputs: inputs)
        let first = inputs.first { $0.results.run.id == "run-1000" }!
        let samples = first.results.benchmarks[0].metrics["round_seconds"]!.samples
        let point = report.series[0].points[0]
        #expect(point.p5 == Quantile.type7(0.05, of: samples))
        #expect(point.p50 == Quantile.type7(0.5, of: samples))
        #expect(point.p95 == Quantile.type7(0.95, of: samples))
        #expect(point.count == samples.count)
    }

    @Test func `the injected slowdown is found at its run in both metrics with its size and direction`() {
        let report = TrendReport(inputs: Self.history())
        for series in report.series {
            #expect(series.changePoints.map(\.index) == [17])
            let change = series.changePoints[0]
            #expect(report.runs[series.points[17].run].id == "run-1017")
            #expect(change.isRegression(better: series.better))
            let expected = series.metric == "round_seconds" ? 0.2 : 1 / 1.2 - 1
            #expect(abs(change.relativeChange! - expected) < 0.03)
        }
    }

    @Test func `a history without a change has no change point`() {
        let report = TrendReport(inputs: Self.history(stepAt: nil))
        #expect(report.changePointCount == 0)
    }

    @Test func `the selection keeps only matching benchmarks and metrics`() {
        let inputs = Self.history()
        let byMetric = TrendReport(inputs: inputs, selection: TrendSelection(metrics: ["round_seconds"]))
        #expect(byMetric.series.map(\.metric) == ["round_seconds"])
        let none = TrendReport(inputs: inputs, selection: TrendSelection(benchmarks: GlobPattern("memory/*")))
        #expect(none.series.isEmpty)
    }

    @Test func `older points with another unit are left out with a warning`() {
        var inputs = Self.history(stepAt: nil)
        let index = inputs.firstIndex { $0.results.run.id == "run-1000" }!
        inputs[index].results.benchmarks[0].metrics["round_seconds"]!.unit = "milliseconds"
        let report = TrendReport(inputs: inputs, selection: TrendSelection(metrics: ["round_seconds"]))
        #expect(report.series[0].points.count == 29)
        #expect(report.warnings.count == 1)
    }

    @Test func `start times with offsets and fractions are ordered as instants`() {
        #expect(RunOrder.epochSeconds("1970-01-01T00:00:00Z") == 0)
        #expect(RunOrder.epochSeconds("1970-01-01T01:00:00+01:00") == 0)
        #expect(RunOrder.epochSeconds("2026-11-29T01:23:45.5Z")! - RunOrder.epochSeconds("2026-11-29T01:23:45Z")! == 0.5)
        #expect(RunOrder.epochSeconds("2000-03-01T00:00:00Z") == 951_868_800)
        #expect(RunOrder.epochSeconds("yesterday") == nil)
    }
}

struct NaturalOrderTests {
    @Test(arguments: [
        ("a[agents=2]", "a[agents=10]", true), ("a[agents=10]", "a[agents=2]", false),
        ("a[agents=1]", "a[agents=1]", false), ("a", "a[agents=1]", true), ("b", "a", false),
        ("x01", "x1", true), ("x1", "x01", false),
    ])
    func `digit runs compare as numbers`(a: String, b: String, before: Bool) {
        #expect(TrendReport.naturalOrder(a, b) == before)
    }
}
