import PerfGateStatistics

extension SplitMix64 {
    /// A stable 64-bit hash of `text` (FNV-1a), to derive one seed per series from its name, so a
    /// series' permutations do not depend on which other series are analysed with it.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
