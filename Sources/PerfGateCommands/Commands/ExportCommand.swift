import PerfGateMonitoring
import PerfGateResults

/// `bench export prometheus|openmetrics RESULTS`: a results file as metrics exposition text, optionally
/// pushed to a Pushgateway.
enum ExportCommand: BenchSubcommand {
    static let spec = CommandSpec(
        path: ["export"],
        abstract: "Export a results file as Prometheus or OpenMetrics text, or push it to a Pushgateway.",
        discussion: """
            Formats: prometheus (text format 0.0.4) and openmetrics (OpenMetrics 1.0, ending in # EOF).
            Families: agent_coordination_duration_seconds, agent_memory_bytes, agent_coordination_limit,
            belief_convergence_time_seconds and api_request_duration_seconds where the file has the data,
            plus perfgate_benchmark_<unit> summaries (labels benchmark, metric, quantile, commit) and
            perfgate_run_info. With --push URL (http://IPv4[:port]) the text is PUT to a Pushgateway under
            the grouping key job=JOB (default perfgate) and run_id=the run's id; a refused or unreachable
            gateway is status 2.
            """,
        options: [
            SharedOptions.thresholds,
            SharedOptions.output,
            OptionSpec("push", value: "URL", help: "PUT the metrics to this Pushgateway (http://IPv4[:port])."),
            OptionSpec("job", value: "NAME", help: "The job of the Pushgateway grouping key (default perfgate)."),
        ],
        positionals: [
            PositionalSpec("format", help: "prometheus or openmetrics."),
            PositionalSpec("results", help: "The results file to export."),
        ]
    )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        let format = arguments.positionals[0]
        guard format == "prometheus" || format == "openmetrics" else {
            throw UsageError("unknown export format \"\(format)\": use prometheus or openmetrics", command: "bench export")
        }
        let path = arguments.positionals[1]
        let results = try ResultsIO.read(path: path)
        let thresholdsPath = arguments.value("thresholds")
        let limits = try MonitoringLimits(
            thresholds: ThresholdsLoader.load(explicitPath: thresholdsPath), source: thresholdsPath ?? ThresholdsLoader.defaultPath
        )
        let registry = try ResultsMetricsMapper(limits: limits).registry(for: results)
        let isOpenMetrics = format == "openmetrics"
        let text = isOpenMetrics ? OpenMetricsRenderer.render(registry) : PrometheusTextRenderer.render(registry)
        if let url = arguments.value("push") {
            let client = try PushgatewayClient(url: url)
            let job = arguments.value("job") ?? "perfgate"
            try client.push(
                body: text,
                contentType: isOpenMetrics ? OpenMetricsRenderer.contentType : PrometheusTextRenderer.contentType,
                groupingKey: [("job", job), ("run_id", results.run.id)]
            )
            context.standardError.write("bench: pushed \(registry.families.count) metric families to \(url) (job \(job), run_id \(results.run.id))\n")
            if arguments.value("output") == nil { return .success }
        }
        try emit(text, arguments: arguments, context: context)
        return .success
    }

    /// Writes `text` to `--output` (atomically) or standard output.
    static func emit(_ text: String, arguments: ParsedArguments, context: CommandContext) throws {
        if let output = arguments.value("output"), output != "-" {
            try ResultsIO.writeText(text, to: output)
        } else {
            context.standardOutput.write(text)
        }
    }
}
