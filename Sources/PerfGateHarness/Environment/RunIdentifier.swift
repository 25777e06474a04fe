import Glibc

/// Run ids and RFC 3339 timestamps, in UTC.
public enum RunIdentifier {
    /// A run id: the UTC start time in basic ISO 8601 form, a dash, and the first 7 characters
    /// of the commit, or 7 random lowercase hex digits when the commit is unknown.
    ///
    /// Example: `20261129T012345Z-1a2b3c4`.
    /// - Parameters:
    ///   - secondsSinceEpoch: The start time, seconds since 1970-01-01T00:00:00Z (fraction dropped).
    ///   - commit: The commit hash, if known.
    ///   - generator: The random source for the hex suffix (seed it in tests).
    public static func make<Generator: RandomNumberGenerator>(
        secondsSinceEpoch: Int,
        commit: String?,
        using generator: inout Generator
    ) -> String {
        let fields = utcFields(secondsSinceEpoch)
        let stamp =
            "\(fields.year)\(pad(fields.month))\(pad(fields.day))T\(pad(fields.hour))\(pad(fields.minute))\(pad(fields.second))Z"
        if let commit, commit.count >= 7 {
            return "\(stamp)-\(commit.prefix(7).lowercased())"
        }
        let random = UInt32.random(in: 0..<(1 << 28), using: &generator)
        let hex = String(random, radix: 16)
        return "\(stamp)-\(String(repeating: "0", count: 7 - hex.count))\(hex)"
    }

    /// ``make(secondsSinceEpoch:commit:using:)`` with the system's random generator.
    public static func make(secondsSinceEpoch: Int, commit: String?) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(secondsSinceEpoch: secondsSinceEpoch, commit: commit, using: &generator)
    }

    /// An RFC 3339 UTC timestamp with whole seconds, for example `2026-11-29T01:23:45Z`.
    public static func rfc3339(secondsSinceEpoch: Int) -> String {
        let fields = utcFields(secondsSinceEpoch)
        return
            "\(fields.year)-\(pad(fields.month))-\(pad(fields.day))T\(pad(fields.hour)):\(pad(fields.minute)):\(pad(fields.second))Z"
    }

    /// The current wall-clock time, seconds since the Unix epoch (`time(nil)`).
    public static func currentSecondsSinceEpoch() -> Int {
        Int(time(nil))
    }

    private static func utcFields(
        _ seconds: Int
    ) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        return (
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec)
        )
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
