import PerfGateStatistics

/// `hodges-lehmann`: the time of one Hodges–Lehmann shift estimate with its 99 % confidence
/// interval, on fresh seeded data for every call (`SamplePairs`, as in `MannWhitneySpeed`).
enum HodgesLehmannSpeed {
    static func run(_ options: SpeedOptions) -> [SpeedRow] {
        let calls = options.calls
        let repetitions = options.repetitions
        // Warm the exact null distribution of 100 × 100 that the interval's rank comes from.
        let (warmCandidate, warmBaseline) = SamplePairs.make(1, size: 100, seed: 0)[0]
        Sink.consume(HodgesLehmann.shift(candidate: warmCandidate, baseline: warmBaseline, confidence: 0.99))
        let small = Timing.measurePairs(repetitions: repetitions, calls: calls, size: 100, seed: 600) {
            Sink.consume(HodgesLehmann.shift(candidate: $0, baseline: $1, confidence: 0.99))
        }
        let medium = Timing.measurePairs(repetitions: repetitions, calls: max(1, calls / 100), size: 1000, seed: 700) {
            Sink.consume(HodgesLehmann.shift(candidate: $0, baseline: $1, confidence: 0.99))
        }
        let large = Timing.measurePairs(repetitions: repetitions, calls: 1, size: 100_000, seed: 800) {
            Sink.consume(HodgesLehmann.shift(candidate: $0, baseline: $1, confidence: 0.99))
        }
        return [
            SpeedRow(name: "Hodges–Lehmann 100 vs 100 (with 99% interval)", timing: small, goal: nil),
            SpeedRow(name: "Hodges–Lehmann 1,000 vs 1,000 (as in compare-files)", timing: medium, goal: nil),
            SpeedRow(name: "Hodges–Lehmann 100,000 vs 100,000", timing: large, goal: nil),
        ]
    }
}
