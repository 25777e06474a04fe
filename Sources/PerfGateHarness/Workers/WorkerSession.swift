/// The supervisor's view of one worker process's protocol: a state machine fed one message at a
/// time, checking order and collecting what the worker reported.
///
/// Order: `hello`, then for each block it runs `begin` followed by `samples` or `failed`, with
/// block indices increasing (the worker may skip blocks of a failed scenario), then `done`.
struct WorkerSession {
    /// The plan's blocks.
    let blocks: [WorkerBlock]
    private(set) var hasGreeted = false
    private(set) var isDone = false
    /// The block begun and not yet finished.
    private(set) var currentBlock: Int?
    /// The highest block index begun so far, -1 before the first.
    private(set) var lastBegunBlock = -1
    /// Samples of finished blocks, in order.
    private(set) var completed: [(block: Int, metrics: MetricSamples)] = []
    /// Blocks whose scenario threw, in order.
    private(set) var scenarioFailures: [(block: Int, message: String)] = []

    init(blocks: [WorkerBlock]) {
        self.blocks = blocks
    }

    /// The scenario of the block in progress, if any.
    var currentScenario: String? {
        currentBlock.map { blocks[$0].scenario }
    }

    /// Applies one message.
    /// - Returns: The index of the block the message finished, if it finished one.
    /// - Throws: ``WorkerProtocolError`` when the message is out of order or does not match the plan.
    mutating func receive(_ message: WorkerMessage) throws(WorkerProtocolError) -> Int? {
        guard !isDone else { throw WorkerProtocolError(message: "a line after done") }
        if case .hello(let version, _) = message {
            guard !hasGreeted else { throw WorkerProtocolError(message: "a second hello") }
            guard version == WorkerPlan.currentProtocolVersion else {
                throw WorkerProtocolError(
                    message: "worker speaks protocol \(version), supervisor \(WorkerPlan.currentProtocolVersion)"
                )
            }
            hasGreeted = true
            return nil
        }
        guard hasGreeted else { throw WorkerProtocolError(message: "first line is not hello") }
        switch message {
        case .hello: return nil
        case .begin(let block, let scenario):
            guard currentBlock == nil else {
                throw WorkerProtocolError(message: "begin of block \(block) inside block \(currentBlock ?? 0)")
            }
            guard block > lastBegunBlock, block < blocks.count, blocks[block].scenario == scenario else {
                throw WorkerProtocolError(message: "begin of block \(block) (\(scenario)) does not follow the plan")
            }
            currentBlock = block
            lastBegunBlock = block
            return nil
        case .samples(let block, let scenario, let metrics):
            try finish(block: block, scenario: scenario)
            completed.append((block, metrics))
            return block
        case .failed(let block, let scenario, let message):
            try finish(block: block, scenario: scenario)
            scenarioFailures.append((block, message))
            return block
        case .done:
            guard currentBlock == nil else {
                throw WorkerProtocolError(message: "done inside block \(currentBlock ?? 0)")
            }
            isDone = true
            return nil
        }
    }

    private mutating func finish(block: Int, scenario: String) throws(WorkerProtocolError) {
        guard currentBlock == block, blocks[block].scenario == scenario else {
            throw WorkerProtocolError(message: "result for block \(block) (\(scenario)), which is not in progress")
        }
        currentBlock = nil
    }
}
