import Glibc
import Synchronization

/// A load generator: N connections, each on its own thread with a blocking ``HTTPClient``, in a
/// closed or open loop (see ``HTTPLoadConfiguration/Mode``). Stops by itself at the duration or
/// the request count.
///
/// Threads rather than epoll on the client side: a blocked thread per connection costs little and
/// keeps each measurement a plain send–receive with two clock reads around it (measured to 512
/// connections on 2 cores by `bench capacity`). All connections connect and warm up first, then
/// wait blocked at a ``StartGate`` and start together.
public enum HTTPLoadGenerator {
    /// Runs the load described by `configuration` and waits for it to finish.
    /// - Returns: latencies, throughput, status classes, errors and the generator's own overhead.
    ///   A server that refuses connections gives a report with ``HTTPLoadReport/connectionErrors``,
    ///   not an error.
    /// - Throws: `SystemCallError` when a client thread cannot be created.
    public static func run(_ configuration: HTTPLoadConfiguration) throws(SystemCallError) -> HTTPLoadReport {
        precondition(configuration.connections >= 1, "connections must be at least 1")
        precondition(!configuration.requests.isEmpty, "requests must list at least one shape")
        if case .openLoop(let rate) = configuration.mode {
            precondition(rate > 0 && rate.isFinite, "requestsPerSecond must be positive")
        }
        let shared = LoadShared(configuration: configuration)
        let workers = (0..<configuration.connections).map { LoadWorker(index: $0, shared: shared) }
        var threads: [POSIXThread] = []
        do {
            for worker in workers { threads.append(try POSIXThread { worker.run() }) }
        } catch {
            shared.abort()
            for thread in threads { thread.join() }
            throw error
        }
        shared.startWhenReady(count: workers.count)
        for thread in threads { thread.join() }
        return makeReport(workers.map(\.result), start: shared.gate.wait())  // open by now: returns at once
    }

    private static func makeReport(_ results: [LoadWorkerResult], start: UInt64) -> HTTPLoadReport {
        var report = HTTPLoadReport(
            requests: 0,
            connectionErrors: 0,
            statusClasses: HTTPStatusClassCounts(),
            elapsedSeconds: 0,
            latencySamples: [],
            isSampleCapReached: false,
            histogram: LatencyHistogram(),
            clientOverheadSeconds: 0,
            clientCPUSeconds: 0,
            reconnects: 0
        )
        var overhead: UInt64 = 0
        var cpu: UInt64 = 0
        var end = start
        var lateness: UInt64 = 0
        var wakes = 0
        for result in results {
            report.requests += result.histogram.count
            report.connectionErrors += result.connectionErrors
            report.statusClasses.add(result.statusClasses)
            report.latencySamples.append(contentsOf: result.samples)
            report.isSampleCapReached = report.isSampleCapReached || result.isSampleCapReached
            report.histogram.merge(result.histogram)
            report.reconnects += result.reconnects
            overhead += result.overheadNanoseconds
            cpu += result.cpuNanoseconds
            end = max(end, result.endNanoseconds)
            lateness &+= result.wakeLatenessNanoseconds
            wakes += result.wakeCount
        }
        report.elapsedSeconds = Double(end &- start) / 1e9
        let attempts = Double(max(1, report.requests + report.connectionErrors))
        report.clientOverheadSeconds = Double(overhead) / 1e9 / attempts
        report.clientCPUSeconds = Double(cpu) / 1e9 / attempts
        if wakes > 0 { report.openLoopWakeLatenessSeconds = Double(lateness) / 1e9 / Double(wakes) }
        return report
    }
}

/// State all workers of one run share: the configuration, the start line and the request budget.
final class LoadShared: Sendable {
    let configuration: HTTPLoadConfiguration
    /// Where workers wait, blocked, for the start; it holds the start time.
    let gate = StartGate()
    let issued = Atomic<Int>(0)
    let durationNanoseconds: UInt64

    init(configuration: HTTPLoadConfiguration) {
        self.configuration = configuration
        durationNanoseconds = MonotonicClock.nanoseconds(of: configuration.duration)
    }

    /// Waits until `count` workers are connected and warmed up, then starts them 1 ms from now.
    func startWhenReady(count: Int) {
        gate.waitForArrivals(count)
        gate.open(at: MonotonicClock.nanoseconds() + 1_000_000)
    }

    /// Makes workers that have not started return at once.
    func abort() {
        gate.open(at: StartGate.aborted)
    }

    /// Waits (blocked) for the start and returns it, or nil when the run was aborted.
    func waitForStart() -> UInt64? {
        let start = gate.wait()
        if start == StartGate.aborted { return nil }
        MonotonicClock.sleep(untilNanoseconds: start)
        return start
    }

    /// Takes one request from the budget; false when `maxRequests` is spent.
    func takeRequest() -> Bool {
        guard let limit = configuration.maxRequests else { return true }
        return issued.wrappingAdd(1, ordering: .relaxed).newValue <= limit
    }
}
