import Foundation
import PerfGateAgentService
import PerfGateHTTP
import PerfGateMonitoring

/// `bench __scrape-benchmark`: what the live endpoint costs (hidden; figures printed, never gated).
///
/// In one process, as `bench serve --soak` runs: a soak of `--agents` agents (default 10), the API
/// server with `/metrics` on one unpinned event loop, then three windows of `--seconds` each
/// (default 5): soak alone, soak while the load generator scrapes `/metrics` open-loop at `--rate`
/// per second (default 200; latency from each scrape's intended send time, so stalls count), and soak
/// alone again. Prints scrape latency percentiles and the soak's median round time in each window;
/// the slowdown is the scraped window's median against the mean of the two quiet windows' medians.
enum ScrapeBenchmarkCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["__scrape-benchmark"],
        abstract: "Internal: print the cost of scraping /metrics during a soak.",
        options: [
            SharedOptions.agents,
            OptionSpec("rate", value: "N", help: "Scrapes per second (default 200)."),
            OptionSpec("seconds", value: "N", help: "Seconds per window (default 5)."),
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let agents = try arguments.integer("agents", in: 1...1000) ?? 10
        let rate = Double(try arguments.integer("rate", in: 1...100_000) ?? 200)
        let seconds = try arguments.integer("seconds", in: 1...600) ?? 5
        let metrics = LiveRegistry()
        metrics.set("agent_coordination_limit", to: 50)
        let service = AgentService(observer: LiveAPIObserver(registry: metrics))
        let log = DiagnosticLog(output: context.standardError, json: false)
        let soak = SoakRunner(
            agents: agents,
            model: .light,
            seed: 42,
            registry: metrics,
            log: log,
            runID: "scrape",
            tracedRounds: 0
        )
        let server = try HTTPServer(
            configuration: HTTPServer.Configuration(
                address: "127.0.0.1",
                port: 0,
                eventLoopCount: 1,
                placement: .unpinned
            ),
            handler: MetricsEndpoint.wrap(service.makeHandler(), registry: metrics)
        )
        defer { server.shutdown() }
        soak.start()
        try await Task.sleep(for: .seconds(1))  // Warm-up.
        let quietBefore = try await window(soak, seconds: seconds) { try await Task.sleep(for: .seconds(seconds)) }
        var report: HTTPLoadReport?
        let scraped = try await window(soak, seconds: seconds) {
            report = try await scrape(port: server.boundPort, rate: rate, seconds: seconds)
        }
        let quietAfter = try await window(soak, seconds: seconds) { try await Task.sleep(for: .seconds(seconds)) }
        await soak.stop()
        let size = PrometheusTextRenderer.render(metrics.snapshot()).utf8.count
        let renderStart = MonotonicClock.nanoseconds()
        for _ in 0..<200 { _ = PrometheusTextRenderer.render(metrics.snapshot()) }
        let renderSeconds = Double(MonotonicClock.nanoseconds() - renderStart) / 1e9 / 200
        context.standardOutput.write(
            summary(
                agents: agents,
                rate: rate,
                report: report,
                bodyBytes: size,
                renderSeconds: renderSeconds,
                quiet: [quietBefore, quietAfter],
                scraped: scraped
            )
        )
        return .success
    }

    /// The soak's round durations (seconds) while `body` runs.
    private static func window(
        _ soak: SoakRunner,
        seconds: Int,
        _ body: () async throws -> Void
    ) async throws -> [Double] {
        let start = soak.keptRounds
        try await body()
        return soak.roundSeconds(from: start)
    }

    /// Scrapes `/metrics` open-loop on a thread of its own (the generator blocks).
    private static func scrape(port: UInt16, rate: Double, seconds: Int) async throws -> HTTPLoadReport {
        let configuration = HTTPLoadConfiguration(
            endpoint: HTTPEndpoint(host: "127.0.0.1", port: port, path: "/metrics"),
            connections: 2,
            mode: .openLoop(requestsPerSecond: rate),
            duration: .seconds(seconds),
            placement: .unpinned
        )
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                do throws(SystemCallError) {
                    continuation.resume(returning: try HTTPLoadGenerator.run(configuration))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    private static func summary(
        agents: Int,
        rate: Double,
        report: HTTPLoadReport?,
        bodyBytes: Int,
        renderSeconds: Double,
        quiet: [[Double]],
        scraped: [Double]
    ) -> String {
        func ms(_ value: Double?) -> String { value.map { String(format: "%.3f ms", $0 * 1000) } ?? "n/a" }
        let quietMedian = quiet.compactMap(median).reduce(0, +) / Double(max(1, quiet.compactMap(median).count))
        let scrapedMedian = median(scraped) ?? .nan
        var lines = [
            "scrape benchmark: soak of \(agents) agents, /metrics at \(Int(rate))/s open loop (\(bodyBytes) bytes per scrape)",
            "snapshot + render alone: \(ms(renderSeconds)) per scrape (\(String(format: "%.2f", renderSeconds * rate * 100)) % of one core at this rate)",
        ]
        if let report {
            lines.append(
                "scrapes: \(report.requests) in \(String(format: "%.1f", report.elapsedSeconds)) s, "
                    + "\(report.connectionErrors) connection errors, \(report.statusClasses.success) answered 2xx"
            )
            lines.append(
                "scrape latency: p50 \(ms(report.histogram.percentile(0.5))), p95 \(ms(report.histogram.percentile(0.95))), "
                    + "p99 \(ms(report.histogram.percentile(0.99))), max \(ms(report.histogram.percentile(1)))"
            )
        }
        lines.append(
            "soak median round: \(ms(median(quiet[0]))) before, \(ms(scrapedMedian)) while scraped, "
                + "\(ms(median(quiet[1]))) after (\(quiet[0].count)/\(scraped.count)/\(quiet[1].count) rounds)"
        )
        lines.append(String(format: "soak slowdown while scraped: %+.1f %%", (scrapedMedian / quietMedian - 1) * 100))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
