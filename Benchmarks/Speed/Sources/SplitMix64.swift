/// SplitMix64 (Steele, Lea & Flood, OOPSLA 2014): the seeded generator of every synthetic sample here.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// A generator whose whole sequence is fixed by `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) from the top 53 bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `count` uniform doubles in [0, 1) plus `offset`.
    mutating func uniform(count: Int, offset: Double = 0) -> [Double] {
        (0..<count).map { _ in nextUnit() + offset }
    }
}
