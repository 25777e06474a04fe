import PerfGateStatistics
import PerfGateAgentService
import PerfGateAgents
import PerfGateHTTP
import PerfGateHarness

/// The `api/*` scenarios: real HTTP requests over loopback TCP to the agents behind the API.
///
/// ``prepare()`` starts the embedded server (PerfGateAgentService on PerfGateHTTP, one event loop)
/// in this worker process, unless a target URL is given, and creates one agent per connection through
/// `POST /api/v1/agents`. Each sample of a block is one closed-loop run of ``HTTPLoadGenerator`` with
/// one keep-alive connection per agent (after 20 unmeasured requests each) for max(400, 20 × agents)
/// requests or 5 s, whichever comes first (see ``Limits``), and gives
/// - one `throughput_per_second` (responses per second of that run) and one `error_ratio` (non-2xx
///   responses and failed requests over attempts),
/// - its request latencies (from send to full response), pooled over the block and then cut to at
///   most 1,000 by a uniform random subsample without replacement, seeded
///   from the run seed and the block number and kept in measurement order, so results files stay
///   small (about 6,000 latencies per benchmark in the default suite) while percentiles stay unbiased.
///
/// Requests: `api/step` sends `POST /api/v1/agents/{id}/step` with `{"observation":o,"action":a}`,
/// both drawn from a SplitMix64 stream of the seed, connection and request number; `api/mixed` sends,
/// in every 10 requests of a connection, 5 such steps, 4 `GET /api/v1/agents/{id}` (full belief) and
/// 1 `GET /api/v1/health`. A request file (``APIRequestFile``) replaces both.
///
/// CPU placement (see ``APIPlacement`` for the measurements behind it): the embedded server's loop and
/// all client threads are pinned to the same (last) CPU, the lowest and steadiest mode on a 2-vCPU
/// machine. Against a `--target`, clients are unpinned (the target's placement is unknown).
final class APIWorkload: Workload {
    /// What the documented requests mix.
    enum Mix: Sendable {
        /// Only steps.
        case step
        /// Steps, belief reads and health checks (5:4:1).
        case mixed
    }

    /// How much one block measures; tests make it smaller.
    struct Limits: Sendable {
        /// Most latencies a block reports (default 1,000).
        var maxLatencySamplesPerBlock = 1_000
        /// Unmeasured requests per connection before each run (default 20).
        var warmupRequestsPerConnection = 20
        /// Requests per measured run (default: at least 400, and 20 per connection), so the default
        /// suite's eight API benchmarks take well under a minute.
        var requestsPerRun: @Sendable (_ connections: Int) -> Int = { max(400, 20 * $0) }
        /// The longest a measured run may last (default 5 s), for slow targets.
        var runTimeLimit: Duration = .seconds(5)
        /// Whether the embedded server and the clients are pinned to one CPU (see ``APIPlacement``);
        /// tests turn it off, since other suites in the same process pin and load that CPU too.
        var isPinned = true
    }

    private let mix: Mix
    private let agentCount: Int
    private let model: AgentModelSize
    private let seed: UInt64
    private let target: String?
    private let requestsFile: String?
    private var server: HTTPServer?
    private var session: APISession?
    private var blockNumber: UInt64 = 0
    let limits: Limits

    init(
        mix: Mix,
        agentCount: Int,
        model: AgentModelSize,
        seed: UInt64,
        target: String?,
        requestsFile: String?,
        limits: Limits = Limits()
    ) {
        self.limits = limits
        self.mix = mix
        self.agentCount = agentCount
        self.model = model
        self.seed = seed
        self.target = target
        self.requestsFile = requestsFile
    }

    /// Starts the embedded server (no target) and creates the agents.
    func prepare() throws {
        let file = try requestsFile.map { path throws in try APIRequestFile.read(path: path) }
        let endpoint: HTTPEndpoint
        if let target {
            endpoint = try HTTPEndpoint(url: target)
        } else {
            let service = AgentService(
                configuration: .init(
                    model: model,
                    maxAgents: max(agentCount, AgentService.Configuration.defaultMaxAgents(for: model)),
                    seed: seed
                )
            )
            let server = try HTTPServer(
                configuration: HTTPServer.Configuration(placement: limits.isPinned ? APIPlacement.server : .unpinned),
                handler: service.makeHandler()
            )
            self.server = server
            endpoint = HTTPEndpoint(host: "127.0.0.1", port: server.boundPort)
        }
        session = try APISession.open(endpoint: endpoint, agentCount: agentCount, file: file, seed: seed)
    }

    func runBlock(sampleCount: Int) throws -> MetricSamples {
        guard let session else { return [:] }
        var samples: MetricSamples = [:]
        var latencies: [Double] = []
        let connections = agentCount
        for _ in 0..<sampleCount {
            let configuration = session.configuration(
                mix: mix,
                connections: connections,
                limits: limits,
                isEmbedded: server != nil && limits.isPinned
            )
            let report = try HTTPLoadGenerator.run(configuration)
            latencies += report.latencySamples
            samples["throughput_per_second", default: []].append(report.throughputPerSecond)
            samples["error_ratio", default: []].append(report.errorRatio)
        }
        blockNumber += 1
        samples["latency_seconds"] = Subsample.uniform(
            latencies,
            count: limits.maxLatencySamplesPerBlock,
            seed: SplitMix64.derivedSeed(runSeed: seed, stream: Int(blockNumber), purpose: 31)
        )
        return samples
    }

    /// Deletes the agents it created on a target, and stops the embedded server.
    func finish() {
        if server == nil { session?.deleteAgents() }
        session = nil
        server?.shutdown()
        server = nil
    }
}

/// Where the threads of an `api/*` run go (see ``APIWorkload``).
///
/// The embedded server's loop and every client thread share the last allowed CPU (PerfGateHTTP's
/// `serverDefault`/`clientDefault`): one latency mode on purpose, whatever the agent count. Measured
/// on the 2-vCPU machine (release, quick suite, load average 14 from other jobs), against clients
/// pinned to the other CPU ("split"):
///
/// | benchmark | same CPU: p50 / p95 / throughput | split: p50 / p95 / throughput |
/// | --- | --- | --- |
/// | `api/step[agents=10]` | 1.1 ms / 3.4–5.1 ms / 8,800–9,000 per s | 1.0–1.5 ms / 14–21 ms / 2,100–2,200 per s |
/// | `api/step[agents=50]` | 6.2 ms / 7.5–17.5 ms / 7,600–7,800 per s | 14–19 ms / 106–130 ms / 1,700–2,000 per s |
/// | `api/mixed[agents=50]` | 4.1–4.3 ms / 6–12 ms / 11,500–11,800 per s | 16 ms / 88–93 ms / 1,900–2,100 per s |
///
/// Split placement pays a cross-CPU wake-up on both sides of every request (about 55 µs each on this
/// VM, and far more when the other CPU is busy), and its tails follow whatever else runs there; with
/// everything on one CPU a wake-up is a context switch. Against a `--target`, threads are unpinned
/// (the target's placement is unknown).
enum APIPlacement {
    /// The embedded server's event loop: the last allowed CPU (PerfGateHTTP's default).
    static var server: CPUPlacement { .serverDefault }

    /// The load generator's client threads: the server's CPU when embedded, else unpinned.
    static func clients(connections: Int, isEmbedded: Bool) -> CPUPlacement {
        isEmbedded ? .clientDefault : .unpinned
    }
}

/// Uniform subsampling without replacement.
enum Subsample {
    /// `count` values of `values` chosen uniformly at random without replacement (a partial
    /// Fisher–Yates shuffle of the indices, SplitMix64 seeded with `seed`), in their original order;
    /// all of `values` when there are at most `count`.
    /// - Complexity: O(n).
    static func uniform(_ values: [Double], count: Int, seed: UInt64) -> [Double] {
        guard values.count > count else { return values }
        var indices = Array(values.indices)
        var generator = SplitMix64(seed: seed)
        for slot in 0..<count {
            let pick = slot + Int(generator.next() % UInt64(values.count - slot))
            indices.swapAt(slot, pick)
        }
        return indices[0..<count].sorted().map { values[$0] }
    }
}
