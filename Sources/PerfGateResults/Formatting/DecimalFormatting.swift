// `Double.rounded` lowers to libm's `round`, `floor`, …; importing the C library links libm.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal rendering of `Double` values without Foundation: fixed decimals, significant digits and
/// digit grouping, all rounding half away from zero.
///
/// The scaled value is rounded in binary floating point, so a value whose decimal form ends exactly in
/// 5 may round either way when it is not exactly representable (as with `printf`).
package enum DecimalFormatting {
    /// Exact powers of ten 10⁰ … 10¹⁵.
    private static let powersOfTen: [Double] = (0...15).map { Double("1e\($0)")! }

    /// Correctly rounded powers of ten 10⁻³⁰⁰ … 10³⁰⁰, used to find a value's decimal magnitude.
    /// `Double("1e…")` cannot fail for these literals.
    private static let magnitudes: [Double] = (-300...300).map { Double("1e\($0)")! }

    /// The largest integer that fits in the 53-bit significand; above it rounding is meaningless.
    private static let largestExactInteger = 9_007_199_254_740_992.0

    /// `value` with exactly `decimals` digits after the point (`fixed(0.01234, decimals: 3)` is `0.012`).
    ///
    /// Non-finite values become `nan`, `inf` or `-inf`; a value that rounds to zero has no minus sign.
    /// Values too large to round exactly (≥ 2⁵³ after scaling) use Swift's shortest representation.
    package static func fixed(_ value: Double, decimals: Int) -> String {
        precondition((0...15).contains(decimals), "decimals must be in 0...15")
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let scaled = (value.magnitude * powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero)
        guard scaled < largestExactInteger else { return String(value) }
        var digits = String(UInt64(scaled))
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (value < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// How many decimals show `value` with `digits` significant digits (never negative, at most 15).
    ///
    /// Accounts for rounding that adds a digit (9.996 with 3 digits is `10.0`, one decimal).
    /// Zero and non-finite values need none.
    package static func decimals(forSignificantDigits digits: Int, of value: Double) -> Int {
        let magnitude = value.magnitude
        guard magnitude.isFinite, magnitude > 0 else { return 0 }
        let exponent = decimalExponent(of: magnitude)
        var decimals = min(15, max(0, digits - 1 - exponent))
        let scaled = (magnitude * powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero)
        if decimals > 0, digits < powersOfTen.count, scaled >= powersOfTen[digits] { decimals -= 1 }
        return decimals
    }

    /// `value` with `digits` significant digits (`significant(0.0123456, digits: 3)` is `0.0123`).
    ///
    /// Integer digits are never dropped: 12345 with 3 digits is `12345`.
    package static func significant(_ value: Double, digits: Int) -> String {
        fixed(value, decimals: decimals(forSignificantDigits: digits, of: value))
    }

    /// `value` rounded to `digits` significant digits, as a number (used to choose a unit).
    package static func rounded(_ value: Double, significantDigits digits: Int) -> Double {
        let decimals = decimals(forSignificantDigits: digits, of: value)
        let scale = powersOfTen[decimals]
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    /// `value` with a comma between groups of three digits: `18734` is `18,734`.
    package static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// ⌊log₁₀ `magnitude`⌋ for a positive finite value, clamped to −300…300.
    private static func decimalExponent(of magnitude: Double) -> Int {
        // Binary search for the last power of ten not above `magnitude`.
        var low = 0
        var high = magnitudes.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if magnitudes[middle] <= magnitude { low = middle } else { high = middle - 1 }
        }
        return low - 300
    }
}
