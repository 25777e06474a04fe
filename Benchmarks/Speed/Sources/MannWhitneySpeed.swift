import PerfGateStatistics

/// `mann-whitney`: the time of one two-sided Mann–Whitney U test, p-value included.
///
/// Every call gets its own pair of samples (`SamplePairs`), generated untimed before each
/// repetition, as a gate sees a different metric in each comparison. The exact null distribution
/// of 100 × 100 is built once before timing: a gate builds it once per run, and scipy's script
/// warms its cache the same way.
enum MannWhitneySpeed {
    static func run(_ options: SpeedOptions) -> [SpeedRow] {
        let calls = options.calls
        let repetitions = options.repetitions
        let (warmCandidate, warmBaseline) = SamplePairs.make(1, size: 100, seed: 0)[0]
        Sink.consume(MannWhitneyU.test(candidate: warmCandidate, baseline: warmBaseline))
        let exact = Timing.measurePairs(repetitions: repetitions, calls: calls, size: 100, seed: 100) {
            Sink.consume(MannWhitneyU.test(candidate: $0, baseline: $1))
        }
        let asymptotic = Timing.measurePairs(repetitions: repetitions, calls: calls, size: 100, seed: 200) {
            Sink.consume(MannWhitneyU.test(candidate: $0, baseline: $1, method: .asymptotic))
        }
        let tied = Timing.measurePairs(repetitions: repetitions, calls: calls, size: 100, seed: 300, ties: true) {
            Sink.consume(MannWhitneyU.test(candidate: $0, baseline: $1))
        }
        let medium = Timing.measurePairs(repetitions: repetitions, calls: max(1, calls / 100), size: 1000, seed: 400) {
            Sink.consume(MannWhitneyU.test(candidate: $0, baseline: $1))
        }
        let large = Timing.measurePairs(repetitions: repetitions, calls: 1, size: 100_000, seed: 500) {
            Sink.consume(MannWhitneyU.test(candidate: $0, baseline: $1))
        }
        return [
            SpeedRow(
                name: "Mann–Whitney 100 vs 100, exact (no ties)",
                timing: exact,
                goal: 2e-6,
                scipy: "loop_100v100_exact"
            ),
            SpeedRow(
                name: "Mann–Whitney 100 vs 100, asymptotic (no ties)",
                timing: asymptotic,
                goal: 2e-6,
                scipy: "loop_100v100_asymptotic",
                scipyVectorised: "vectorised_100v100"
            ),
            SpeedRow(name: "Mann–Whitney 100 vs 100, asymptotic (with ties)", timing: tied, goal: 2e-6),
            SpeedRow(name: "Mann–Whitney 1,000 vs 1,000 (as in compare-files)", timing: medium, goal: nil),
            SpeedRow(
                name: "Mann–Whitney 100,000 vs 100,000",
                timing: large,
                goal: 10e-3,
                scipy: "single_100000v100000"
            ),
        ]
    }
}
