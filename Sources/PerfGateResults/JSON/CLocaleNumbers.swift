#if canImport(Glibc)
import Glibc
#endif

/// Correctly rounded decimal-to-double conversion without allocating a `String`.
///
/// On glibc, `strtod` under the "C" locale (switched in for the calling thread with `uselocale`, so a
/// program's `setlocale` cannot change the decimal point) is correctly rounded, as is `Double(_: String)`;
/// the literal is copied to a NUL-terminated buffer on the stack. Elsewhere this returns nil and callers fall back to
/// `Double(_: String)`.
enum CLocaleNumbers {
    #if canImport(Glibc)
    /// The "C" locale for numbers, created once; nil if glibc could not create it.
    // Safe: written once during static initialization, then only read (locale_t is immutable once made).
    nonisolated(unsafe) private static let cLocale: locale_t? = newlocale(LC_NUMERIC_MASK, "C", nil)
    #endif

    /// The value of `literal`, which must already match JSON's number grammar; nil if not converted here.
    static func double(fromValidLiteral literal: UnsafeBufferPointer<UInt8>) -> Double? {
        #if canImport(Glibc)
        guard let locale = cLocale, literal.count < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: literal.count + 1) { buffer in
            for (offset, byte) in literal.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
            buffer[literal.count] = 0
            var end: UnsafeMutablePointer<CChar>? = nil
            let previous = uselocale(locale)
            let value = strtod(buffer.baseAddress!, &end)
            uselocale(previous)
            // The grammar was checked already; make sure strtod read exactly the literal all the same.
            return end == buffer.baseAddress! + literal.count ? value : nil
        }
        #else
        return nil
        #endif
    }
}
