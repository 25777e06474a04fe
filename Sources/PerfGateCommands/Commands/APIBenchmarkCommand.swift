import Foundation
import PerfGateAgentService
import PerfGateHTTP

/// `bench __api-benchmark`: figures for the API-latency goals, printed, never gated (hidden; driven by
/// `scripts/api_benchmark.sh`).
///
/// Without `--load`: in one process and one placement (server and client on the same pinned CPU),
/// the raw TCP echo floor, one keep-alive client's round trips on `GET /api/v1/health` and on a step,
/// the load generator's own overhead per request, and the cost of parsing a step body with the
/// service's JSON parser and with Foundation's `JSONSerialization`.
/// With `--load URL`: one closed-loop run of the load generator (unpinned threads) against URL, to
/// set beside wrk's figures for the same URL.
enum APIBenchmarkCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["__api-benchmark"],
        abstract: "Internal: print the API latency figures (scripts/api_benchmark.sh).",
        options: [
            OptionSpec("load", value: "URL", help: "Run the load generator against URL instead."),
            OptionSpec("connections", value: "N", help: "Connections for --load (default 50)."),
            OptionSpec("duration", value: "SECONDS", help: "Seconds for --load (default 5)."),
            OptionSpec("requests", value: "N", help: "Round trips per floor figure (default 20000)."),
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let output = context.standardOutput
        if let url = arguments.value("load") {
            let endpoint = try HTTPEndpoint(url: url)
            let connections = try arguments.integer("connections", in: 1...1000) ?? 50
            let seconds = try arguments.integer("duration", in: 1...600) ?? 5
            let report = try HTTPLoadGenerator.run(
                HTTPLoadConfiguration(
                    endpoint: endpoint,
                    connections: connections,
                    duration: .seconds(seconds),
                    warmupRequestsPerConnection: 50,
                    maxRawSamples: 0,
                    placement: .unpinned
                )
            )
            output.write(describe("generator", report) + "\n")
            return .success  // Errors are in the printed line; figures are reported, never gated.
        }
        let count = try arguments.integer("requests", in: 100...10_000_000) ?? 20_000
        try measureFloors(count: count, output: output)
        return .success
    }

    private static func measureFloors(count: Int, output: TextOutput) throws {
        let echo = try EchoFloor.measure(EchoFloor.Configuration(roundTrips: count, warmupRoundTrips: 2_000))
        output.write("echo_floor: p50 \(micro(percentile(echo, 0.5))) p99 \(micro(percentile(echo, 0.99)))\n")
        let service = AgentService(configuration: .init(model: .light))
        let agent = try service.registry.create()
        let server = try HTTPServer(configuration: .init(), handler: service.makeHandler())
        defer { server.shutdown() }
        let endpoint = HTTPEndpoint(host: "127.0.0.1", port: server.boundPort)
        let health = try HTTPLoadGenerator.run(
            HTTPLoadConfiguration(
                endpoint: HTTPEndpoint(host: "127.0.0.1", port: server.boundPort, path: "/api/v1/health"),
                duration: .seconds(60),
                maxRequests: count,
                warmupRequestsPerConnection: 2_000,
                maxRawSamples: 0
            )
        )
        output.write(describe("client_health", health) + "\n")
        let ratio = (health.histogram.percentile(0.5) ?? 0) / max(percentile(echo, 0.5), 1e-12)
        output.write("client_health_over_echo_floor: \(String(format: "%.2f", ratio))x\n")
        let step = try HTTPLoadGenerator.run(
            HTTPLoadConfiguration(
                endpoint: endpoint,
                duration: .seconds(60),
                maxRequests: count / 4,
                warmupRequestsPerConnection: 500,
                requests: [
                    HTTPClientRequest(
                        method: .post,
                        path: "/api/v1/agents/\(agent.id)/step",
                        headers: ["Content-Type": "application/json"],
                        body: Array(#"{"observation":3,"action":1}"#.utf8)
                    )
                ],
                maxRawSamples: 0
            )
        )
        output.write(describe("client_step", step) + "\n")
        measureJSON(output: output)
    }

    /// Nanoseconds per parse of a step body: the service's parser and Foundation's.
    private static func measureJSON(output: TextOutput) {
        let body = Array(#"{"observation":3,"action":1}"#.utf8)
        let data = Data(body)
        let rounds = 200_000
        var checksum = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<rounds {
            if case .integer(let value)? = (try? FlatJSONObject(parsing: body))?.members["observation"] {
                checksum &+= value
            }
        }
        let middle = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<rounds {
            if let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                let value = object["observation"] as? Int
            {
                checksum &+= value
            }
        }
        let end = DispatchTime.now().uptimeNanoseconds
        output.write(
            "json_parse_step_body: flat \(Int((middle - start) / UInt64(rounds))) ns, "
                + "JSONSerialization \(Int((end - middle) / UInt64(rounds))) ns (checksum \(checksum))\n"
        )
    }

    private static func describe(_ name: String, _ report: HTTPLoadReport) -> String {
        let histogram = report.histogram
        return "\(name): requests \(report.requests) throughput \(Int(report.throughputPerSecond.rounded()))/s "
            + "p50 \(micro(histogram.percentile(0.5) ?? 0)) p99 \(micro(histogram.percentile(0.99) ?? 0)) "
            + "errors \(String(format: "%.4f", report.errorRatio)) overhead \(micro(report.clientOverheadSeconds))/request"
    }

    private static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
    }

    private static func micro(_ seconds: Double) -> String {
        String(format: "%.1fus", seconds * 1e6)
    }
}
