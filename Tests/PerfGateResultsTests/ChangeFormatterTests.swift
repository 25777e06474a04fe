import PerfGateResults
import Testing

struct ChangeFormatterTests {
    @Test(
        "A change is a signed percentage with one decimal",
        arguments: [
            (0.145, "+14.5%"), (-0.032, "-3.2%"), (0, "0.0%"), (0.000_4, "0.0%"), (-0.000_4, "0.0%"),
            (12.34, "+1234%"), (-1, "-100.0%"),
        ] as [(Double?, String)]
    )
    func changesAreSignedPercentages(change: Double?, expected: String) {
        #expect(ChangeFormatter.format(change) == expected)
    }

    @Test("A missing or non-finite change is a dash")
    func missingChangesAreADash() {
        #expect(ChangeFormatter.format(nil) == "—")
        #expect(ChangeFormatter.format(.nan) == "—")
        #expect(ChangeFormatter.format(.infinity) == "—")
    }
}
