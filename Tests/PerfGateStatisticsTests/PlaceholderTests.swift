import Testing

@testable import PerfGateStatistics

@Test func moduleBuilds() {}
