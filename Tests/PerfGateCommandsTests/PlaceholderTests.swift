import Testing

@testable import PerfGateCommands

@Test func moduleBuilds() {}
