/// A 64-bit FNV-1a hash over 64-bit words, used to fingerprint simulation state for determinism checks.
///
/// Each word is fed as its 8 little-endian bytes (FNV-1a, offset basis 0xcbf29ce484222325, prime
/// 0x100000001b3; <http://www.isthe.com/chongo/tech/comp/fnv/>). Doubles are fed by bit pattern, so
/// two states hash equal only if every number is bit-for-bit equal.
public struct StateDigest: Sendable, Hashable {
    /// The hash so far.
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// A fresh digest (the FNV offset basis).
    public init() {}

    /// Feeds one 64-bit word.
    public mutating func combine(_ word: UInt64) {
        var remaining = word
        for _ in 0..<8 {
            value = (value ^ (remaining & 0xFF)) &* 0x0000_0100_0000_01B3
            remaining >>= 8
        }
    }

    /// Feeds an integer by its two's-complement bits.
    public mutating func combine(_ integer: Int) {
        combine(UInt64(bitPattern: Int64(integer)))
    }

    /// Feeds a double by its IEEE-754 bit pattern.
    public mutating func combine(_ number: Double) {
        combine(number.bitPattern)
    }

    /// The digest of a vector of doubles, by bit pattern, prefixed by its length.
    /// - Complexity: O(n).
    public static func of(_ numbers: [Double]) -> UInt64 {
        var digest = StateDigest()
        digest.combine(numbers.count)
        for number in numbers { digest.combine(number) }
        return digest.value
    }
}
