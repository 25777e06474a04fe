import PerfGateResults
import Testing

struct PValueFormatterTests {
    @Test(
        "A p-value has two significant digits",
        arguments: [(0.0019, "0.0019"), (0.034, "0.034"), (0.5, "0.50"), (1.0, "1.0"), (0.0001, "0.00010")]
    )
    func pValuesHaveTwoSignificantDigits(pValue: Double, expected: String) {
        #expect(PValueFormatter.format(pValue) == expected)
    }

    @Test("A p-value below 0.0001 is shown as a bound")
    func tinyPValuesAreABound() {
        #expect(PValueFormatter.format(0.000_05) == "<0.0001")
        #expect(PValueFormatter.format(0) == "<0.0001")
    }

    @Test("No test gives a dash")
    func noTestGivesADash() {
        #expect(PValueFormatter.format(nil) == "—")
    }
}
