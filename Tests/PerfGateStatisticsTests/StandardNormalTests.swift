import PerfGateStatistics
import Testing

struct StandardNormalTests {
    struct GoldenFile: Decodable {
        struct Point: Decodable {
            var x: Double?
            var p: Double?
            var value: Double
        }
        var cdf: [Point]
        var quantile: [Point]
    }

    @Test func cdfMatchesScipyNdtrDeepIntoTheLowerTail() throws {
        let golden: GoldenFile = try GoldenVectors.load("normal")
        for point in golden.cdf {
            let x = try #require(point.x)
            #expect(isClose(StandardNormal.cdf(x), point.value, relative: 1e-13), "x = \(x)")
            #expect(isClose(StandardNormal.survival(-x), point.value, relative: 1e-13), "x = \(x)")
        }
    }

    @Test func quantileMatchesScipyNormPpf() throws {
        let golden: GoldenFile = try GoldenVectors.load("normal")
        for point in golden.quantile {
            let p = try #require(point.p)
            #expect(isClose(StandardNormal.quantile(p), point.value, relative: 1e-13), "p = \(p)")
        }
    }
}
