import Testing

@testable import PerfGateResults

@Test func moduleBuilds() {}
