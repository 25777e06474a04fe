import PerfGateStatistics
import Testing

struct SampleSummaryTests {
    @Test func summaryMatchesNumpy() throws {
        for golden in try DescriptiveGoldenCase.all() {
            let summary = SampleSummary(samples: try golden.sample.makeValues())
            let expected = golden.summary
            #expect(summary.count == expected.count, "\(golden.name)")
            #expect(summary.min == expected.min && summary.max == expected.max, "\(golden.name)")
            let pairs: [(Double, Double)] = [
                (summary.p50, expected.p50), (summary.p90, expected.p90), (summary.p95, expected.p95),
                (summary.p99, expected.p99), (summary.mean, expected.mean), (summary.stddev, expected.stddev),
            ]
            for (actual, reference) in pairs {
                #expect(isClose(actual, reference, relative: 1e-12), "\(golden.name): \(actual) vs \(reference)")
            }
        }
    }

    @Test func valueOfReturnsEachField() {
        let summary = SampleSummary(samples: [3, 1, 2])
        #expect(summary.value(of: .count) == 3)
        #expect(summary.value(of: .min) == 1)
        #expect(summary.value(of: .p50) == 2)
        #expect(summary.value(of: .max) == 3)
        #expect(summary.value(of: .mean) == 2)
        #expect(summary.value(of: .stddev) == 1)
    }

    @Test func emptySamplesAreAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) {
            _ = SampleSummary(samples: [])
        }
    }
}
