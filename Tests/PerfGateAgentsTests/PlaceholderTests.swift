import Testing

@testable import PerfGateAgents

@Test func moduleBuilds() {}
