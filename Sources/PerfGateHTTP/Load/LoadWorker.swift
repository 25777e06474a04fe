import Glibc

/// What one load connection measured.
struct LoadWorkerResult {
    var histogram = LatencyHistogram()
    var samples: [Double] = []
    var isSampleCapReached = false
    var statusClasses = HTTPStatusClassCounts()
    var connectionErrors = 0
    var reconnects = 0
    var overheadNanoseconds: UInt64 = 0
    var cpuNanoseconds: UInt64 = 0
    var endNanoseconds: UInt64 = 0
    var wakeLatenessNanoseconds: UInt64 = 0
    var wakeCount = 0
}

/// One load connection and the thread loop that drives it.
///
/// `@unchecked Sendable`: `result` is written only by the worker's thread and read by the caller
/// after `pthread_join`, which orders the accesses.
final class LoadWorker: @unchecked Sendable {
    let index: Int
    let shared: LoadShared
    var result = LoadWorkerResult()
    private var client: HTTPClient?
    private let sampleCap: Int

    init(index: Int, shared: LoadShared) {
        self.index = index
        self.shared = shared
        let configuration = shared.configuration
        sampleCap =
            configuration.maxRawSamples / configuration.connections
            + (index < configuration.maxRawSamples % configuration.connections ? 1 : 0)
    }

    func run() {
        let configuration = shared.configuration
        configuration.placement.apply(threadIndex: index)
        CPUAffinity.minimizeTimerSlack()
        client = try? HTTPClient(endpoint: configuration.endpoint, timeout: configuration.timeout, keepsHeaders: false)
        for sequence in 0..<configuration.warmupRequestsPerConnection {
            _ = try? client?.send(makeRequest(sequence: sequence))
        }
        result.samples.reserveCapacity(min(sampleCap, 1 << 20))
        shared.gate.arrive()
        guard let start = shared.waitForStart() else { return }
        let cpuBefore = MonotonicClock.threadCPUNanoseconds()
        measure(start: start)
        result.cpuNanoseconds = MonotonicClock.threadCPUNanoseconds() &- cpuBefore
        result.reconnects = client?.reconnectCount ?? 0
        client = nil
    }

    private func measure(start: UInt64) {
        let configuration = shared.configuration
        let deadline = start &+ shared.durationNanoseconds
        var period = 0.0
        var thinkNanoseconds: UInt64 = 0
        switch configuration.mode {
        case .openLoop(let rate): period = 1e9 / rate
        case .closedLoop(let think): thinkNanoseconds = MonotonicClock.nanoseconds(of: think)
        }
        let connections = Double(configuration.connections)
        var sequence = 0
        while true {
            var intended = MonotonicClock.nanoseconds()
            if period > 0 {
                // Connection i sends requests i, i+N, i+2N, … of one evenly spaced global schedule.
                intended = start &+ UInt64((Double(index) + Double(sequence) * connections) * period)
                guard intended < deadline else { break }
                if MonotonicClock.nanoseconds() < intended {
                    MonotonicClock.sleep(untilNanoseconds: intended)
                    result.wakeLatenessNanoseconds &+= MonotonicClock.nanoseconds() &- intended
                    result.wakeCount += 1
                }
            } else if intended >= deadline {
                break
            }
            guard shared.takeRequest() else { break }
            exchange(sequence: sequence + configuration.warmupRequestsPerConnection, intended: intended)
            sequence += 1
            if thinkNanoseconds > 0 {
                MonotonicClock.sleep(untilNanoseconds: MonotonicClock.nanoseconds() &+ thinkNanoseconds)
            }
        }
        result.endNanoseconds = MonotonicClock.nanoseconds()
    }

    /// Sends one request and records its latency from `intended` (open loop) or from the send.
    private func exchange(sequence: Int, intended: UInt64) {
        let begin = MonotonicClock.nanoseconds()
        let origin = isClosedLoop ? begin : intended
        let request = makeRequest(sequence: sequence)
        var socketTime: UInt64 = 0
        do {
            if client == nil {
                client = try HTTPClient(
                    endpoint: shared.configuration.endpoint,
                    timeout: shared.configuration.timeout,
                    keepsHeaders: false
                )
            }
            guard let client else { return }
            let socketBefore = client.socketNanoseconds
            let response = try client.send(request)
            let end = MonotonicClock.nanoseconds()
            socketTime = client.socketNanoseconds &- socketBefore
            record(latency: end &- origin, status: response.status)
        } catch {
            result.connectionErrors += 1
            if case .connectFailed = error {
                client = nil
                usleep(1000)  // Nothing listens: do not spin on connect.
            }
        }
        let elapsed = MonotonicClock.nanoseconds() &- begin
        result.overheadNanoseconds &+= elapsed > socketTime ? elapsed - socketTime : 0
    }

    private var isClosedLoop: Bool {
        if case .closedLoop = shared.configuration.mode { return true }
        return false
    }

    private func record(latency: UInt64, status: Int) {
        result.histogram.record(nanoseconds: latency)
        result.statusClasses.count(status)
        if result.samples.count < sampleCap {
            result.samples.append(Double(latency) / 1e9)
        } else {
            result.isSampleCapReached = true
        }
    }

    private func makeRequest(sequence: Int) -> HTTPClientRequest {
        let configuration = shared.configuration
        if let makeRequest = configuration.makeRequest {
            var request = makeRequest(index, sequence)
            if request.path.isEmpty { request.path = configuration.endpoint.path }
            return request
        }
        var request = configuration.requests[sequence % configuration.requests.count]
        if request.path.isEmpty { request.path = configuration.endpoint.path }
        if let makeBody = configuration.makeBody { request.body = makeBody(index, sequence) }
        return request
    }
}
