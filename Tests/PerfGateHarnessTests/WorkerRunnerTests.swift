import Glibc
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

/// The worker over real descriptors: the plan arrives as JSON bytes, lines leave as bytes.
struct WorkerRunnerDescriptorTests {
    /// Writes `input` to one socket pair, runs the worker between the pairs, returns its output.
    private func runWorker(input: String, workloads: [String: any Workload]) throws -> [String] {
        var planPair: [Int32] = [-1, -1]
        var protocolPair: [Int32] = [-1, -1]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &planPair) == 0)
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &protocolPair) == 0)
        defer { for descriptor in planPair + protocolPair { close(descriptor) } }
        let bytes = Array(input.utf8)
        try #require(write(planPair[0], bytes, bytes.count) == bytes.count)
        shutdown(planPair[0], Int32(SHUT_WR))
        try WorkerRunner.run(planFrom: planPair[1], protocolTo: protocolPair[0]) { workloads[$0] }
        shutdown(protocolPair[0], Int32(SHUT_WR))
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(protocolPair[1], &chunk, chunk.count)
            if count <= 0 { break }
            output += chunk[0..<count]
        }
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func aPlanOnTheInputDescriptorIsAnsweredWithProtocolLines() throws {
        let plan = #"{"blocks":[{"sampleCount":2,"scenario":"a"}],"processIndex":3,"protocolVersion":1,"settings":{}}"#
        let lines = try runWorker(input: plan + "\n", workloads: ["a": CountingWorkload()])
        #expect(lines.count == 4)
        #expect(lines[1] == #"{"block":0,"event":"begin","scenario":"a"}"#)
        #expect(
            lines[2]
                == #"{"block":0,"event":"samples","metrics":{"messages_per_round":[42],"round_seconds":[1,1]},"scenario":"a"}"#
        )
        #expect(lines[3] == #"{"event":"done"}"#)
    }

    @Test func aPlanOfAnotherProtocolVersionIsRefused() throws {
        let plan = #"{"blocks":[],"processIndex":0,"protocolVersion":2,"settings":{}}"#
        #expect(throws: WorkerRunnerError.self) { _ = try runWorker(input: plan, workloads: [:]) }
    }

    @Test func aMalformedPlanIsRefused() throws {
        #expect(throws: WorkerRunnerError.self) { _ = try runWorker(input: "{not json\n", workloads: [:]) }
    }
}
