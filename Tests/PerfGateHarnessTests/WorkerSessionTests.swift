import Testing

// WorkerSession is internal: the protocol checker has no public surface of its own.
@testable import PerfGateHarness

struct WorkerSessionTests {
    private let blocks = ["a", "b", "a"].map { WorkerBlock(scenario: $0, sampleCount: 1) }

    private func greeted() throws -> WorkerSession {
        var session = WorkerSession(blocks: blocks)
        _ = try session.receive(.hello(protocolVersion: 1, processID: 1))
        return session
    }

    @Test func aWellOrderedConversationCollectsSamplesAndFinishes() throws {
        var session = try greeted()
        _ = try session.receive(.begin(block: 0, scenario: "a"))
        #expect(session.currentScenario == "a")
        #expect(try session.receive(.samples(block: 0, scenario: "a", metrics: ["x": [1]])) == 0)
        // Block 1 skipped (allowed: a worker skips blocks of a scenario that failed).
        _ = try session.receive(.begin(block: 2, scenario: "a"))
        #expect(try session.receive(.failed(block: 2, scenario: "a", message: "m")) == 2)
        _ = try session.receive(.done)
        #expect(session.isDone)
        #expect(session.completed.map(\.block) == [0])
        #expect(session.scenarioFailures.map(\.message) == ["m"])
    }

    @Test func aConversationWithoutHelloIsRejected() {
        var session = WorkerSession(blocks: blocks)
        #expect(throws: WorkerProtocolError.self) { _ = try session.receive(.begin(block: 0, scenario: "a")) }
    }

    @Test(arguments: [
        [WorkerMessage.hello(protocolVersion: 1, processID: 1)],
        [.begin(block: 1, scenario: "a")],
        [.begin(block: 3, scenario: "a")],
        [.begin(block: 0, scenario: "a"), .begin(block: 1, scenario: "b")],
        [.begin(block: 0, scenario: "a"), .samples(block: 1, scenario: "b", metrics: [:])],
        [.samples(block: 0, scenario: "a", metrics: [:])],
        [
            .begin(block: 1, scenario: "b"), .samples(block: 1, scenario: "b", metrics: [:]),
            .begin(block: 0, scenario: "a"),
        ],
        [.begin(block: 0, scenario: "a"), .done],
        [.done, .done],
    ])
    func outOfOrderMessagesAreRejected(messages: [WorkerMessage]) throws {
        var session = try greeted()
        #expect(throws: WorkerProtocolError.self) {
            for message in messages { _ = try session.receive(message) }
        }
    }

    @Test func anotherProtocolVersionIsRejected() {
        var session = WorkerSession(blocks: blocks)
        #expect(throws: WorkerProtocolError.self) { _ = try session.receive(.hello(protocolVersion: 2, processID: 1)) }
    }
}
