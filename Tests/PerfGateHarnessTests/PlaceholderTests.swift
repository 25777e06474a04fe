import Testing

@testable import PerfGateHarness

@Test func moduleBuilds() {}
