import Foundation
import PerfGateStatistics
import Testing

struct StudentTTests {
    struct GoldenFile: Decodable {
        struct Point: Decodable {
            var t: Double?
            var p: Double?
            var nu: Double
            var value: Double
        }
        struct RunLevelCase: Decodable {
            var baseline: [Double]
            var candidate: [Double]
            var t: Double
            var pValue: Double
        }
        var survival: [Point]
        var quantile: [Point]
        var runLevel: [RunLevelCase]
    }

    @Test func survivalMatchesScipy() throws {
        let golden: GoldenFile = try GoldenVectors.load("student_t")
        for point in golden.survival {
            let t = try #require(point.t)
            let value = StudentT.survival(t, degreesOfFreedom: point.nu)
            #expect(isClose(value, point.value, relative: 1e-10), "t = \(t), ν = \(point.nu)")
        }
    }

    @Test func quantileMatchesScipy() throws {
        let golden: GoldenFile = try GoldenVectors.load("student_t")
        for point in golden.quantile {
            let p = try #require(point.p)
            #expect(isClose(StudentT.quantile(p, degreesOfFreedom: point.nu), point.value, relative: 1e-9), "p = \(p)")
        }
    }

    @Test func runLevelTestMatchesScipyOnLogValues() throws {
        let golden: GoldenFile = try GoldenVectors.load("student_t")
        for item in golden.runLevel {
            let test = try #require(RunLevelTest.test(candidate: item.candidate, baseline: item.baseline))
            #expect(test.isLogScale)
            #expect(test.degreesOfFreedom == item.baseline.count + item.candidate.count - 2)
            #expect(isClose(test.t, item.t, relative: 1e-9))
            #expect(isClose(test.pValue, item.pValue, relative: 1e-9))
        }
    }

    @Test func runLevelTestNeedsTwoBaselineRunsAndTakesLinearValuesWhenNotPositive() throws {
        #expect(RunLevelTest.test(candidate: [1], baseline: [1]) == nil)
        let test = try #require(RunLevelTest.test(candidate: [0.5], baseline: [-0.1, 0.1, 0]))
        #expect(!test.isLogScale)
        #expect(test.t > 0)
        let identical = try #require(RunLevelTest.test(candidate: [2, 2], baseline: [2, 2, 2]))
        #expect(identical.pValue == 1)
    }

    @Test func smallestDetectableChangeShrinksWithMoreRuns() throws {
        let few = try #require(RunLevelTest.test(candidate: [1.0], baseline: [0.98, 1.0, 1.02]))
        let many = try #require(RunLevelTest.test(candidate: [1.0], baseline: Array(repeating: [0.98, 1.0, 1.02], count: 7).flatMap { $0 }))
        let fewChange = try #require(few.smallestDetectableChange(alpha: 0.01))
        let manyChange = try #require(many.smallestDetectableChange(alpha: 0.01))
        #expect(manyChange < fewChange)
        #expect(manyChange > 0)
    }
}

struct VarianceComponentsTests {
    /// Blocks of a seeded nested model: run effect 10%, block effect 5%, sample noise 2% (log scale).
    @Test func recoversTheLevelsOfANestedModel() throws {
        var random = SplitMix64(seed: 42)
        func normal() -> Double {
            let u = max(random.nextUnitDouble(), 1e-12)
            let v = random.nextUnitDouble()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        var values: [Double] = []
        var blocks: [Int] = []
        var runs: [Int] = []
        for run in 0..<60 {
            let runEffect = 0.10 * normal()
            for block in 0..<6 {
                let blockEffect = 0.05 * normal()
                for _ in 0..<20 {
                    values.append(exp(runEffect + blockEffect + 0.02 * normal()))
                    blocks.append(block)
                    runs.append(run)
                }
            }
        }
        let components = try #require(VarianceComponents.estimate(values: values, blocks: blocks, runs: runs))
        #expect(components.isLogScale)
        #expect(abs(components.withinBlock - 0.02) < 0.002)
        #expect(abs(try #require(components.betweenBlocks) - 0.05) < 0.01)
        #expect(abs(try #require(components.betweenRuns) - 0.10) < 0.025)
    }

    @Test func oneRunHasNoRunComponentAndMismatchedLabelsAreRejected() throws {
        let components = try #require(VarianceComponents.estimate(values: [1, 2, 3, 4], blocks: [0, 0, 1, 1]))
        #expect(components.betweenRuns == nil)
        #expect(components.betweenBlocks != nil)
        #expect(VarianceComponents.estimate(values: [1, 2], blocks: [0]) == nil)
    }
}
