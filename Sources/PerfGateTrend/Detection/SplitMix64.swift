/// SplitMix64 (Steele, Lea & Flood, 2014): a small, fast, seedable generator for permutations.
///
/// The same seed gives the same sequence on every platform, so permutation p-values are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator; every seed, 0 included, is valid.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stable 64-bit hash of `text` (FNV-1a), to derive one seed per series from its name.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
