import Testing

@testable import PerfGateReports

@Test func moduleBuilds() {}
