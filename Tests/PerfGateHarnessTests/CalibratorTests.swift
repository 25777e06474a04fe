import PerfGateHarness
import Testing

struct CalibratorTests {
    /// A tiny target keeps these tests fast; the logic does not depend on the target's size.
    private let fastOptions = CalibrationOptions(
        minimumSampleDuration: .microseconds(200),
        minimumClockReadMultiple: 10,
        warmup: .init(minimumDuration: .zero, minimumSamples: 2),
        sampling: .count(7)
    )

    @Test func fixedCountSamplingReturnsExactlyThatManyPositiveSamples() {
        var calls = 0
        let result = Calibrator.measure(options: fastOptions) { iterations in
            calls += 1
            var sum = 0
            for index in 0..<iterations { sum &+= index }
            blackHole(sum)
        }
        #expect(result.secondsPerIteration.count == 7)
        #expect(result.secondsPerIteration.allSatisfy { $0 >= 0 })
        #expect(result.iterationsPerSample >= 1)
        // Calibration calls + 2 warm-up samples + 7 kept samples.
        #expect(calls >= 9)
    }

    @Test func calibrationGrowsIterationsUntilTheCallReachesTheTarget() {
        var lastIterations = 0
        let iterations = Calibrator.calibrateIterations(options: fastOptions, clockReadCost: .nanoseconds(20)) {
            lastIterations = $0
            var sum = 0
            for index in 0..<$0 { sum &+= index }
            blackHole(sum)
        }
        #expect(iterations == lastIterations)
        #expect(iterations > 1)
    }

    @Test func calibrationStopsAtTheIterationCap() {
        let options = CalibrationOptions(minimumSampleDuration: .seconds(3600), maximumIterationsPerSample: 64)
        let iterations = Calibrator.calibrateIterations(options: options, clockReadCost: .nanoseconds(20)) { _ in }
        #expect(iterations == 64)
    }

    @Test func timeBudgetSamplingRespectsTheMinimumAndMaximumCounts() {
        let atLeast = Calibrator.collectSamples(
            iterationsPerSample: 1,
            sampling: .timeBudget(.zero, minimumCount: 3, maximumCount: 10)
        ) { _ in }
        #expect(atLeast.count == 3)
        let atMost = Calibrator.collectSamples(
            iterationsPerSample: 1,
            sampling: .timeBudget(.seconds(3600), minimumCount: 1, maximumCount: 5)
        ) { _ in }
        #expect(atMost.count == 5)
    }

    @Test func anErrorFromTheWorkloadStopsMeasurement() {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            _ = try Calibrator.measure(options: fastOptions) { _ in throw Stop() }
        }
    }
}
