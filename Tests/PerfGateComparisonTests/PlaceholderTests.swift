import Testing

@testable import PerfGateComparison

@Test func moduleBuilds() {}
