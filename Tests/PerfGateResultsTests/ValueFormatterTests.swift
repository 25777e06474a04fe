import PerfGateResults
import Testing

struct ValueFormatterTests {
    @Test(
        "Seconds use ns, µs, ms or s with three significant digits",
        arguments: [
            (0.0123, "12.3 ms"), (0.000_123_4, "123 µs"), (1.5e-9, "1.50 ns"), (5e-10, "0.500 ns"),
            (2.5, "2.50 s"), (0, "0 s"), (-0.0123, "-12.3 ms"), (0.013_636 * 1.1, "15.0 ms"),
        ]
    )
    func secondsScaleToAReadableUnit(value: Double, expected: String) {
        #expect(ValueFormatter.format(value, unit: "seconds") == expected)
    }

    @Test("A value that rounds up to 1000 moves to the next unit, and the largest unit keeps every digit")
    func roundingUpToAThousandMovesToTheNextUnit() {
        #expect(ValueFormatter.format(0.000_999_6, unit: "seconds") == "1.00 ms")
        #expect(ValueFormatter.format(999.6e-9, unit: "seconds") == "1.00 µs")
        #expect(ValueFormatter.format(1500, unit: "seconds") == "1500 s")
    }

    @Test(
        "Bytes use binary units",
        arguments: [
            (512.0, "512 B"), (1536, "1.50 KiB"), (36_175_872, "34.5 MiB"), (1023, "0.999 KiB"),
            (3 * 1_073_741_824, "3.00 GiB"), (0, "0 B"), (12.5, "12.5 B"),
        ] as [(Double, String)]
    )
    func bytesUseBinaryUnits(value: Double, expected: String) {
        #expect(ValueFormatter.format(value, unit: "bytes") == expected)
    }

    @Test("Ratios are percentages", arguments: [(0.0123, "1.23%"), (0.5, "50.0%"), (1.0, "100%"), (0, "0%")])
    func ratiosArePercentages(value: Double, expected: String) {
        #expect(ValueFormatter.format(value, unit: "ratio") == expected)
    }

    @Test(
        "Rates are per second with k, M and G",
        arguments: [(12_345.0, "12.3k/s"), (950, "950/s"), (2.5e6, "2.50M/s")]
    )
    func ratesArePerSecond(value: Double, expected: String) {
        #expect(ValueFormatter.format(value, unit: "per_second") == expected)
    }

    @Test("Counts are plain integers, and fractions of counts get three significant digits")
    func countsArePlain() {
        #expect(ValueFormatter.format(1234, unit: "count") == "1234")
        #expect(ValueFormatter.format(123_456_789, unit: "counts") == "123456789")
        #expect(ValueFormatter.format(12.54, unit: "count") == "12.5")
    }

    @Test("An unknown unit is written after three significant digits")
    func unknownUnitsAreWrittenAsGiven() {
        #expect(ValueFormatter.format(3.5, unit: "furlongs") == "3.50 furlongs")
    }
}
