/// SplitMix64, a tiny seedable 64-bit generator: the one source of reproducible randomness of the
/// package (permutation tests, synthetic samples, per-agent seeds).
///
/// Steele, Lea & Flood, "Fast splittable pseudorandom number generators" (OOPSLA 2014); the constants
/// are those of Vigna's reference implementation (<https://prng.di.unimi.it/splitmix64.c>). The same
/// seed gives the same sequence on every platform. The simulated agents use it to seed their
/// Xoshiro256** generators and to derive per-agent streams.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The internal counter; advances by the golden-ratio increment on every draw.
    public private(set) var state: UInt64

    /// Creates a generator whose first output is fully determined by `seed`.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// Returns the next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) from the top 53 bits of ``next()`` (as `splitmix64` in
    /// `scripts/golden/generate.py` computes it, so golden samples can be stored as a seed).
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Derives a seed for one independent stream (an agent, the world, a sensor) from a run seed.
    ///
    /// The stream number and a purpose tag are mixed into the run seed through two SplitMix64
    /// steps, so neighbouring ids give unrelated seeds. Pure: the same inputs always give the same seed.
    /// - Parameters:
    ///   - runSeed: The seed of the whole run.
    ///   - stream: The id of the stream, e.g. an agent id.
    ///   - purpose: A tag separating streams of the same id (model, policy sampling, sensor).
    public static func derivedSeed(runSeed: UInt64, stream: Int, purpose: UInt64) -> UInt64 {
        var mixer = SplitMix64(seed: runSeed ^ (purpose &* 0xD1B5_4A32_D192_ED03))
        let base = mixer.next()
        var streamMixer = SplitMix64(seed: base &+ UInt64(bitPattern: Int64(stream)) &* 0x9E37_79B9_7F4A_7C15)
        return streamMixer.next()
    }
}
