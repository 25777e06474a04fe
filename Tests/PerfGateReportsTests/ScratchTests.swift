import Testing
import PerfGateReports

@Test func scratch() {
    print(TextReport(useColor: false, width: nil).render(ComparisonFixtures.fourRows))
    print(TextReport(useColor: false, width: 100).render(ComparisonFixtures.fourRows))
}
