import Testing
@testable import PerfGateTrend

struct EDivisiveDetectorTests {
    let detector = EDivisiveDetector()

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func `a 20 percent step at index 17 of 30 is found at 17`(seed: UInt64) {
        var data = SyntheticSeries(seed: seed)
        let values = data.steps(count: 30, noise: 0.02, stepAt: 17, step: 0.2)
        let found = detector.detect(values, seed: 42)
        #expect(found.map(\.index) == [17])
        #expect(found[0].pValue <= 0.01)
        #expect(found[0].pValue == 1.0 / 200)
    }

    @Test(arguments: [UInt64(11), 12, 13, 14, 15, 16, 17, 18])
    func `a series without a step has no change point`(seed: UInt64) {
        var data = SyntheticSeries(seed: seed)
        let values = data.steps(count: 30, noise: 0.02)
        #expect(detector.detect(values, seed: 42).isEmpty)
    }

    @Test func `heavy tailed noise alone gives no change point`() {
        var data = SyntheticSeries(seed: 99)
        // Mostly quiet, with rare outliers of +30 % as a busy CI machine produces.
        let values = (0..<60).map { _ in 1 + 0.01 * data.normal() + (data.uniform() < 0.08 ? 0.3 : 0) }
        #expect(detector.detect(values, seed: 7).isEmpty)
    }

    @Test func `a small step well above the noise is found`() {
        var data = SyntheticSeries(seed: 21)
        let values = data.steps(count: 40, noise: 0.005, stepAt: 25, step: 0.03)
        #expect(detector.detect(values, seed: 42).map(\.index) == [25])
    }

    @Test func `two steps are both located`() {
        var data = SyntheticSeries(seed: 5)
        var values = data.steps(count: 60, noise: 0.02, stepAt: 20, step: 0.25)
        for index in 40..<60 { values[index] *= 0.7 }
        #expect(detector.detect(values, seed: 42).map(\.index) == [20, 40])
    }

    @Test func `a slow drift is located inside the drift with changes in its direction`() {
        var data = SyntheticSeries(seed: 8)
        // Flat for 15 runs, then 1.5 % slower per run for 15 runs, then flat again.
        let values = (0..<45).map { index -> Double in
            let drift = Double(min(max(index - 15, 0), 15)) * 0.015
            return (1 + drift) * (1 + 0.005 * data.normal())
        }
        let found = detector.detect(values, seed: 42)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { (14...31).contains($0.index) })
        let changes = PerfGateTrend.TrendReport.changePoints(values: values, detections: found)
        #expect(changes.allSatisfy { ($0.relativeChange ?? 0) > 0 })
    }

    @Test func `the same values and seed give the same result, and the seed matters only for p-values`() {
        var data = SyntheticSeries(seed: 3)
        let values = data.steps(count: 30, stepAt: 10, step: 0.1)
        #expect(detector.detect(values, seed: 1) == detector.detect(values, seed: 1))
        #expect(detector.detect(values, seed: 1).map(\.index) == detector.detect(values, seed: 2).map(\.index))
    }

    @Test(arguments: [0, 1, 3])
    func `series shorter than two segments have no change point`(count: Int) {
        #expect(detector.detect(Array(repeating: 1, count: count) + [], seed: 1).isEmpty)
    }

    @Test func `a constant series has no change point`() {
        #expect(detector.detect(Array(repeating: 5, count: 50), seed: 1).isEmpty)
    }

    @Test func `the per-series seed depends on the name only`() {
        #expect(detector.seed(forSeries: "a x") == detector.seed(forSeries: "a x"))
        #expect(detector.seed(forSeries: "a x") != detector.seed(forSeries: "a y"))
    }

    @Test func `the energy statistic matches a direct computation`() {
        var data = SyntheticSeries(seed: 4)
        let values = data.steps(count: 12, noise: 0.3)
        let ranks = values.indices.sorted { values[$0] < values[$1] }.enumerated()
            .reduce(into: Array(repeating: 0, count: values.count)) { $0[$1.element] = $1.offset }
        var statistic = EnergyStatistic(capacity: values.count)
        let best = statistic.bestSplit(values: values, ranks: ranks, range: 2..<12, minimumLength: 2)!
        var direct: (Int, Double) = (0, -.infinity)
        for tau in 4...10 {
            let x = Array(values[2..<tau])
            let y = Array(values[tau..<12])
            let (n, m) = (Double(x.count), Double(y.count))
            let cross = x.reduce(0) { sum, a in sum + y.reduce(0) { $0 + abs(a - $1) } }
            let withinX = pairSum(x)
            let withinY = pairSum(y)
            let q = 2 / (n + m) * cross - 2 * m / ((n + m) * (n - 1)) * withinX - 2 * n / ((n + m) * (m - 1)) * withinY
            if q > direct.1 { direct = (tau, q) }
        }
        #expect(best.index == direct.0)
        #expect(abs(best.energy - direct.1) <= 1e-12 * max(1, abs(direct.1)))
    }

    @Test func `the energy statistic over all ends matches a direct computation`() {
        var data = SyntheticSeries(seed: 9)
        let values = data.steps(count: 14, noise: 0.3)
        var statistic = EnergyStatistic(capacity: values.count)
        let best = statistic.bestSplitAllEnds(values: values, range: 1..<14, minimumLength: 2)!
        var direct: (Int, Double) = (0, -.infinity)
        for tau in 3...12 {
            for kappa in (tau + 2)...14 {
                let x = Array(values[1..<tau])
                let y = Array(values[tau..<kappa])
                let (n, m) = (Double(x.count), Double(y.count))
                let cross = x.reduce(0) { sum, a in sum + y.reduce(0) { $0 + abs(a - $1) } }
                let q = 2 / (n + m) * cross - 2 * m / ((n + m) * (n - 1)) * pairSum(x)
                    - 2 * n / ((n + m) * (m - 1)) * pairSum(y)
                if q > direct.1 { direct = (tau, q) }
            }
        }
        #expect(best.index == direct.0)
        #expect(abs(best.energy - direct.1) <= 1e-12 * max(1, abs(direct.1)))
    }

    private func pairSum(_ values: [Double]) -> Double {
        var sum = 0.0
        for i in values.indices { for k in (i + 1)..<values.count { sum += abs(values[i] - values[k]) } }
        return sum
    }
}

struct EDivisiveBoundTests {
    @Test func `a series that drifts all along stops at the maximum number of change points`() {
        var data = SyntheticSeries(seed: 12)
        let values = (0..<300).map { 1 + 0.01 * Double($0) + 0.002 * data.normal() }
        let found = EDivisiveDetector(maximumChangePoints: 5).detect(values, seed: 1)
        #expect(found.count == 5)
        #expect(found.map(\.index) == found.map(\.index).sorted())
    }
}
