import Testing

@testable import PerfGateStatistics

struct PairwiseDifferencesTests {
    /// Samples of the shapes a gate meets: continuous, heavy-tailed, rounded to few values (ties),
    /// all equal, and extreme values whose differences overflow to infinity.
    static func sample(_ shape: Int, count: Int, random: inout SplitMix64) -> [Double] {
        (0..<count).map { index in
            let u = random.nextUnitDouble()
            switch shape {
            case 0: return 1_000 + 50 * (u - 0.5)
            case 1: return 10 * LibM.log(1 - u) * LibM.log(1 - u)
            case 2: return (u * 6).rounded(.down)
            case 3: return 7
            default: return index % 5 == 0 ? (u < 0.5 ? -1.7e308 : 1.7e308) : u - 0.5
            }
        }
    }

    @Test(arguments: 0..<5)
    func everyTestedOrderStatisticEqualsTheSortedFullMatrix(shape: Int) {
        var random = SplitMix64(seed: UInt64(100 + shape))
        for (n, m) in [(40, 70), (83, 83), (5, 300)] {
            let candidate = Self.sample(shape, count: n, random: &random).sorted()
            let baseline = Self.sample(shape, count: m, random: &random).map { $0 * 1.01 }.sorted()
            let all = candidate.flatMap { c in baseline.map { (c - $0) + 0.0 } }.sorted()
            let differences = PairwiseDifferences(candidate: candidate, baseline: baseline)
            let guide = DifferenceGuide(differences)
            let ranks = Set([1, 2, all.count / 2, all.count / 2 + 1, all.count - 1, all.count])
                .union((0..<40).map { _ in 1 + Int(random.next() % UInt64(all.count)) })
            for k in ranks.sorted() {
                let (kth, next) = differences.kthSmallestAndNext(k, guide: guide)
                #expect(kth.bitPattern == all[k - 1].bitPattern, "shape \(shape), \(n)×\(m), k = \(k)")
                #expect(next.bitPattern == all[min(k, all.count - 1)].bitPattern, "next of k = \(k)")
            }
        }
    }

    @Test func selectPlacesTheRankedKeyAndPartitionsAroundIt() {
        var random = SplitMix64(seed: 9)
        for count in [1, 2, 17, 100, 1_000] {
            let keys = (0..<count).map { _ in random.next() % 50 }
            let sorted = keys.sorted()
            for index in [0, count / 3, count / 2, count - 1] {
                var copy = keys
                copy.withUnsafeMutableBufferPointer { Sorting.select($0, index: index) }
                #expect(copy[index] == sorted[index])
                #expect(copy[..<index].allSatisfy { $0 <= copy[index] })
                #expect(copy[(index + 1)...].allSatisfy { $0 >= copy[index] })
            }
        }
    }
}
