/// The order in which `bench ab` measures: rounds of blocks, each block one benchmark on one side.
///
/// Within a round every benchmark is measured on both sides back to back, so a pair of blocks
/// is seconds apart, finer than the machine's speed phases (0.1–11 s). The side that goes first
/// alternates from round to round (A B, then B A: the ABBA pattern), so that neither side is
/// always measured right after the other one warmed the caches or the CPU clock.
enum ABSchedule {
    /// One measurement: a benchmark on a side in a round.
    struct Block: Sendable, Hashable {
        var round: Int
        var benchmark: String
        var side: ABRevision.Side
    }

    /// Every block of `rounds` rounds over `benchmarks`, in the order they run.
    /// - Complexity: O(rounds × benchmarks).
    static func blocks(rounds: Int, benchmarks: [String]) -> [Block] {
        var blocks: [Block] = []
        blocks.reserveCapacity(rounds * benchmarks.count * 2)
        for round in 0..<rounds {
            let order: [ABRevision.Side] = round.isMultiple(of: 2) ? [.base, .head] : [.head, .base]
            for benchmark in benchmarks {
                for side in order { blocks.append(Block(round: round, benchmark: benchmark, side: side)) }
            }
        }
        return blocks
    }
}
