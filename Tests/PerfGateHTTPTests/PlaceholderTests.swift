import Testing

@testable import PerfGateHTTP

@Test func moduleBuilds() {}
