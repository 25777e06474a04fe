import PerfGateHarness
import Testing

/// A workload that returns its block number as samples and can be told to fail.
private final class CountingWorkload: Workload {
    var prepared = 0
    var finished = 0
    var blocks = 0
    let failOnBlock: Int?
    init(failOnBlock: Int? = nil) { self.failOnBlock = failOnBlock }
    func prepare() throws { prepared += 1 }
    func runBlock(sampleCount: Int) throws -> MetricSamples {
        blocks += 1
        struct Broken: Error, CustomStringConvertible { var description: String { "broken workload" } }
        if blocks == failOnBlock { throw Broken() }
        return ["round_seconds": Array(repeating: Double(blocks), count: sampleCount), "messages_per_round": [42]]
    }
    func finish() { finished += 1 }
}

struct WorkerRunnerTests {
    private func runPlan(_ scenarios: [String], workloads: [String: CountingWorkload]) throws -> [WorkerMessage] {
        let plan = WorkerPlan(processIndex: 0, blocks: scenarios.map { WorkerBlock(scenario: $0, sampleCount: 3) })
        var lines: [String] = []
        try WorkerRunner.run(plan: plan, lookup: { workloads[$0] }, write: { lines.append($0) })
        return try lines.map { try WorkerMessage(line: Substring($0)) }
    }

    @Test func aPlanProducesHelloBeginSamplesAndDoneInOrder() throws {
        let workload = CountingWorkload()
        let messages = try runPlan(["a", "a"], workloads: ["a": workload])
        #expect(messages.count == 6)
        guard case .hello(1, _) = messages[0] else {
            Issue.record("first line \(messages[0])")
            return
        }
        #expect(messages[1] == .begin(block: 0, scenario: "a"))
        #expect(
            messages[2]
                == .samples(
                    block: 0,
                    scenario: "a",
                    metrics: ["round_seconds": [1, 1, 1], "messages_per_round": [42]]
                )
        )
        #expect(
            messages[4]
                == .samples(
                    block: 1,
                    scenario: "a",
                    metrics: ["round_seconds": [2, 2, 2], "messages_per_round": [42]]
                )
        )
        #expect(messages[5] == .done)
        #expect(workload.prepared == 1)
        #expect(workload.finished == 1)
    }

    @Test func aThrowingScenarioIsReportedOnceAndItsLaterBlocksAreSkipped() throws {
        let failing = CountingWorkload(failOnBlock: 1)
        let messages = try runPlan(["x", "y", "x"], workloads: ["x": failing, "y": CountingWorkload()])
        #expect(messages.contains(.failed(block: 0, scenario: "x", message: "broken workload")))
        #expect(!messages.contains(.begin(block: 2, scenario: "x")))
        #expect(messages.contains(.begin(block: 1, scenario: "y")))
        #expect(messages.last == .done)
        #expect(failing.finished == 1)
    }

    @Test func anUnknownScenarioIsAFailedBlock() throws {
        let messages = try runPlan(["missing"], workloads: [:])
        #expect(messages.contains(.failed(block: 0, scenario: "missing", message: "unknown scenario missing")))
    }

    @Test(arguments: [
        WorkerMessage.hello(protocolVersion: 1, processID: 77),
        .begin(block: 3, scenario: "coordination/contract-net[agents=50]"),
        .samples(block: 3, scenario: "s", metrics: ["seconds": [0.000_123_4, 1e-9], "timeout_ratio": [0]]),
        .failed(block: 0, scenario: "s", message: "line \"quoted\"\nsecond"),
        .done,
    ])
    func everyMessageSurvivesEncodingAndDecoding(message: WorkerMessage) throws {
        let line = try message.encodedLine()
        #expect(!line.contains("\n"))
        #expect(try WorkerMessage(line: Substring(line)) == message)
    }

    @Test func nonFiniteSamplesCannotBeEncoded() {
        #expect(throws: WorkerProtocolError.self) {
            _ = try WorkerMessage.samples(block: 0, scenario: "s", metrics: ["x": [.nan]]).encodedLine()
        }
    }

    @Test(arguments: ["", "not json", #"{"event":"launch"}"#, #"{"event":"begin","block":1}"#])
    func malformedLinesAreRejected(line: String) {
        #expect(throws: WorkerProtocolError.self) { _ = try WorkerMessage(line: Substring(line)) }
    }

    @Test func interleavedBlocksRotateTheScenarioOrderPerSlotAndRound() {
        let round = ["a", "b", "c"].map { WorkerBlock(scenario: $0, sampleCount: 1) }
        let slot0 = WorkerPlan.interleavedBlocks(round: round, rounds: 2, slot: 0).map(\.scenario)
        let slot1 = WorkerPlan.interleavedBlocks(round: round, rounds: 2, slot: 1).map(\.scenario)
        #expect(slot0 == ["a", "b", "c", "b", "c", "a"])
        #expect(slot1 == ["b", "c", "a", "c", "a", "b"])
    }
}
