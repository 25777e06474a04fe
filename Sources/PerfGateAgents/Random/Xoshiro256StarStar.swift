import PerfGateStatistics
/// xoshiro256**, the fast all-purpose generator behind every random choice of the simulation.
///
/// Blackman & Vigna, "Scrambled linear pseudorandom number generators" (ACM TOMS 2021); reference code at
/// <https://prng.di.unimi.it/xoshiro256starstar.c>. The 256-bit state is filled from a 64-bit seed with
/// ``SplitMix64`` as the authors recommend, so any seed (including 0) gives a valid, non-zero state.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose whole output sequence is determined by `seed`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// Returns the next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// Returns a uniform double in [0, 1) built from the top 53 bits of one draw.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
