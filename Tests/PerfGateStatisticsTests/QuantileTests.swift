import PerfGateStatistics
import Testing

struct QuantileTests {
    @Test func typeSevenQuantilesMatchNumpyLinearMethod() throws {
        for golden in try DescriptiveGoldenCase.all() {
            let values = try golden.sample.makeValues()
            let sorted = values.sorted()
            for expected in golden.quantiles {
                let actual = Quantile.type7(expected.p, ofSorted: sorted)
                #expect(isClose(actual, expected.value, relative: 1e-12), "\(golden.name) p=\(expected.p)")
                #expect(Quantile.type7(expected.p, of: values) == actual)
            }
        }
    }

    @Test func endsAreTheMinimumAndMaximum() {
        let values: [Double] = [5, -2, 9, 0.5]
        #expect(Quantile.type7(0, of: values) == -2)
        #expect(Quantile.type7(1, of: values) == 9)
        #expect(Quantile.type7(0.37, of: [3.25]) == 3.25)
    }

    @Test func interpolatesLinearlyBetweenClosestRanks() {
        // h = (4 − 1)·0.5 = 1.5: halfway between 20 and 30.
        #expect(Quantile.type7(0.5, ofSorted: [10, 20, 30, 40]) == 25)
        // h = 3·0.9 = 2.7: 30 + 0.7·10.
        #expect(isClose(Quantile.type7(0.9, ofSorted: [10, 20, 30, 40]), 37, relative: 1e-15))
    }

    @Test func probabilityOutsideTheUnitIntervalIsAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) {
            _ = Quantile.type7(1.5, ofSorted: [1, 2])
        }
    }
}
