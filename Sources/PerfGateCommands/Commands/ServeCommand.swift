import Dispatch
import Glibc
import PerfGateAgentService
import PerfGateAgents
import PerfGateHTTP
import PerfGateHarness
import PerfGateMonitoring
import PerfGateScenarios

/// `bench serve`: the agents behind the HTTP API, on their own, for curl, wrk or the user's tools.
enum ServeCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["serve"],
        abstract: "Serve the simulated agents over HTTP (the API the api/* scenarios measure).",
        discussion: """
            Prints exactly `listening on http://HOST:PORT` on standard output once it serves, then serves
            until SIGINT or SIGTERM, finishes the requests in flight, and exits 0. Port 0 lets the kernel
            choose. Routes: GET /api/v1/health, POST /api/v1/agents, POST /api/v1/agents/{id}/step,
            GET /api/v1/agents/{id}, DELETE /api/v1/agents/{id} (see docs/http-api.md), and
            GET /metrics (also /api/v1/monitoring/metrics): live metrics in Prometheus text 0.0.4, or
            OpenMetrics 1.0 when Accept asks for application/openmetrics-text. With --soak a swarm of
            --agents agents (default 10) coordinates continuously in the background and feeds the
            coordination metrics; --trace writes the spans of its first --trace-rounds rounds at shutdown.
            Event-loop threads are not pinned to CPUs here.
            """,
        options: [
            OptionSpec(
                "listen",
                value: "HOST:PORT",
                help: "Numeric IPv4 address and port (default 127.0.0.1:8080; port 0: any free port)."
            ),
            OptionSpec("agents", value: "N", help: "Agents to create at start, with ids 1 to N (default 0)."),
            OptionSpec(
                "model",
                value: "NAME",
                help: "Agent model size (default light).",
                allowed: AgentModelName.allCases.map(\.rawValue)
            ),
            OptionSpec(
                "max-agents",
                value: "N",
                help: "Most agents at once; creates past it get 503 (default: about 2 GiB of models)."
            ),
            OptionSpec("event-loops", value: "N", help: "Event-loop threads (default 1)."),
            OptionSpec("soak", help: "Run a coordinating swarm continuously and expose its metrics live."),
            OptionSpec(
                "trace-rounds",
                value: "N",
                help: "Soak rounds to trace and log with --trace/--log-format json (default 100)."
            ),
            SharedOptions.seed,
            SharedOptions.thresholds,
        ] + ObservabilityOptions.declarations
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let (address, port) = try parseListen(arguments.value("listen") ?? "127.0.0.1:8080", command: arguments.command)
        let model = AgentModelName(rawValue: arguments.value("model") ?? "light")!.size  // `allowed` checked it.
        let initialAgents = try arguments.integer("agents", in: 0...100_000) ?? 0
        let configuration = AgentService.Configuration(
            model: model,
            maxAgents: try arguments.integer("max-agents", in: 1...1_000_000).map { max($0, initialAgents) },
            seed: UInt64(try arguments.integer("seed", in: 0...Int.max) ?? 42)
        )
        let live = try LiveParts(
            arguments,
            context: context,
            model: model,
            seed: configuration.seed,
            agents: initialAgents
        )
        let service = AgentService(configuration: configuration, observer: LiveAPIObserver(registry: live.metrics))
        for _ in 0..<initialAgents { try service.registry.create() }
        let stopSignals = SignalWaiter(signals: [SIGINT, SIGTERM])
        let server: HTTPServer
        do {
            server = try HTTPServer(
                configuration: HTTPServer.Configuration(
                    address: address,
                    port: port,
                    eventLoopCount: try arguments.integer("event-loops", in: 1...64) ?? 1,
                    placement: .unpinned
                ),
                handler: MetricsEndpoint.wrap(service.makeHandler(), registry: live.metrics)
            )
        } catch {
            throw CommandError("cannot listen on \(address):\(port): \(error); choose a free port, or port 0")
        }
        live.soak?.start()
        context.standardOutput.write("listening on http://\(address):\(server.boundPort)\n")
        live.info("listening on http://\(address):\(server.boundPort)")
        let signal = await stopSignals.next()
        await live.soak?.stop()
        server.shutdown()
        let statistics = server.statistics
        let summary =
            "stopped on signal \(signal) after \(statistics.requestsServed) requests "
            + "on \(statistics.connectionsAccepted) connections"
            + (live.soak.map { "; " + $0.phaseProfile.line(benchmark: "soak") } ?? "")
        if live.log.json { live.info(summary) } else { context.standardError.write("bench serve: \(summary)\n") }
        try live.observability.writeTrace(live.soak?.spans ?? [])
        return .success
    }

    /// The monitoring side of `bench serve`: live metrics (with the thresholds' limit), the optional
    /// soak, and the trace and log options.
    struct LiveParts {
        let observability: ObservabilityOptions
        let log: DiagnosticLog
        let metrics = LiveRegistry()
        let runID = "serve-\(RunIdentifier.currentSecondsSinceEpoch())-\(getpid())"
        let soak: SoakRunner?

        /// Reads the options; an unwritable `--trace` fails here, before serving, not at shutdown.
        init(
            _ arguments: ParsedArguments,
            context: CommandContext,
            model: AgentModelSize,
            seed: UInt64,
            agents: Int
        ) throws {
            observability = ObservabilityOptions(arguments)
            log = DiagnosticLog(output: context.standardError, json: observability.jsonLogs)
            let limits = try MonitoringLimits(
                thresholds: try ThresholdsLoader.load(explicitPath: arguments.value("thresholds"))
            )
            metrics.set("agent_coordination_limit", to: limits.agentLimit)
            let tracedRounds = try arguments.integer("trace-rounds", in: 0...100_000) ?? 100
            soak =
                arguments.flag("soak")
                ? SoakRunner(
                    agents: agents == 0 ? 10 : agents,
                    model: model,
                    seed: seed,
                    registry: metrics,
                    log: log,
                    runID: runID,
                    tracedRounds: tracedRounds
                ) : nil
            try observability.writeTrace([])
        }

        /// Logs `message` at info level with the run id (JSON logs only).
        func info(_ message: String) {
            guard log.json else { return }
            log.write(.info, message, correlationID: runID, fields: [("run_id", .string(runID))])
        }
    }

    /// `HOST:PORT` with a numeric IPv4 host (`localhost` accepted) and a port 0–65535.
    static func parseListen(_ text: String, command: String) throws(UsageError) -> (String, UInt16) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let host = parts.first.map { $0 == "localhost" ? "127.0.0.1" : String($0) } ?? ""
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }), let port = UInt16(parts[1])
        else {
            throw UsageError(
                "--listen expects HOST:PORT with a numeric IPv4 host, such as 127.0.0.1:8080, got \"\(text)\"",
                command: command
            )
        }
        return (host, port)
    }
}

/// Waits for one of a set of signals without a signal handler of our own: the signals are ignored
/// (`SIG_IGN`) and observed through Dispatch signal sources, so the default action (termination) never
/// runs while the server shuts down cleanly.
final class SignalWaiter: Sendable {
    private let stream: AsyncStream<Int32>
    // `nonisolated(unsafe)`: written once in `init`, then only cancelled in `deinit`; sources are thread-safe.
    nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []

    /// Starts observing `signals` (call before announcing readiness, so none is missed).
    init(signals: [Int32]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        for number in signals {
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    /// The next signal received.
    func next() async -> Int32 {
        for await number in stream { return number }
        return 0
    }
}
