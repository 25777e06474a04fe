import PerfGateHarness
import Testing

struct MonotonicClockTests {
    @Test func readingsNeverGoBackwards() {
        var previous = MonotonicClock.nanoseconds()
        for _ in 0..<10_000 {
            let current = MonotonicClock.nanoseconds()
            #expect(current >= previous)
            previous = current
        }
    }

    @Test func readCostIsPositiveAndBelowOneMillisecond() {
        let cost = MonotonicClock.measureReadCost(rounds: 5, readsPerRound: 100)
        #expect(cost > .zero)
        #expect(cost < .milliseconds(1))
    }

    @Test func stopwatchMeasuresTheBodyAndReturnsItsResult() {
        let (result, duration) = Stopwatch.measure { (1...1_000).reduce(0, +) }
        #expect(result == 500_500)
        #expect(duration >= .zero)
    }
}
