import Testing

@testable import PerfGateStatistics

struct NullDistributionTests {
    @Test func smallDistributionsMatchEnumeratedCounts() {
        // n₁ = 3, n₂ = 4: frequencies of U over the C(7, 3) = 35 arrangements.
        let counts: [Double] = [1, 1, 2, 3, 4, 4, 5, 4, 4, 3, 2, 1, 1]
        let distribution = MannWhitneyNullDistribution(3, 4)
        var cumulative = 0.0
        for (u, count) in counts.enumerated() {
            cumulative += count
            #expect(isClose(distribution.cdf(u), cumulative / 35, relative: 1e-14), "u = \(u)")
            #expect(isClose(distribution.survival(u), (35 - cumulative + count) / 35, relative: 1e-14), "u = \(u)")
        }
        #expect(distribution.cdf(-1) == 0 && distribution.cdf(12) == 1)
        #expect(distribution.survival(0) == 1 && distribution.survival(13) == 0)
    }

    @Test func distributionIsSymmetricAndOrderOfSizesIrrelevant() {
        let a = MannWhitneyNullDistribution(7, 11)
        let b = MannWhitneyNullDistribution(11, 7)
        #expect(a.lowerCDF == b.lowerCDF)
        for u in 0...77 {
            #expect(isClose(a.cdf(u), a.survival(77 - u), relative: 1e-13))
        }
    }

    @Test func cacheStaysWithinItsBounds() {
        let cache = NullDistributionCache(capacity: 3, elementBudget: 200)
        for size in 1...8 {
            _ = cache.distribution(size, size)
        }
        #expect(cache.count <= 3)
        // 20 × 20 needs 201 Doubles, more than the whole budget: returned but not kept.
        let large = cache.distribution(20, 20)
        #expect(large.lowerCDF.count == 201)
        #expect(cache.count <= 3)
    }

    @Test func cachedDistributionEqualsAFreshOne() {
        let cache = NullDistributionCache()
        let first = cache.distribution(9, 13)
        let second = cache.distribution(13, 9)
        #expect(first.lowerCDF == second.lowerCDF)
        #expect(first.lowerCDF == MannWhitneyNullDistribution(9, 13).lowerCDF)
        #expect(cache.count == 1)
    }

    @Test func concurrentRequestsAgreeAndRespectTheBounds() async {
        let cache = NullDistributionCache(capacity: 4, elementBudget: 10_000)
        let sizes = [(3, 5), (8, 8), (12, 30), (40, 41), (5, 3), (9, 2)]
        let agreed = await withTaskGroup(of: Bool.self) { group in
            for round in 0..<24 {
                let (n1, n2) = sizes[round % sizes.count]
                group.addTask {
                    cache.distribution(n1, n2).lowerCDF == MannWhitneyNullDistribution(n1, n2).lowerCDF
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(agreed)
        #expect(cache.count <= 4)
    }
}
