import PerfGateMonitoring
import PerfGateResults

/// `--trace FILE`, `--trace-format otlp|chrome` and `--log-format text|json`, shared by `bench run`
/// and `bench serve`.
struct ObservabilityOptions {
    /// The trace formats.
    enum TraceFormat: String, CaseIterable {
        /// OTLP/JSON (`ExportTraceServiceRequest`).
        case otlp
        /// Chrome trace events (Perfetto).
        case chrome
    }

    /// Where the trace goes, or nil for no trace.
    var tracePath: String?
    /// The trace's format.
    var traceFormat: TraceFormat
    /// Whether standard error carries one JSON object per line.
    var jsonLogs: Bool

    /// The option declarations.
    static let declarations: [OptionSpec] = [
        OptionSpec(
            "trace",
            value: "FILE",
            help: "Write spans of coordination rounds (round > announce, bid per agent, award, act) to FILE."
        ),
        OptionSpec(
            "trace-format",
            value: "FORMAT",
            help: "Trace format: otlp (OTLP/JSON, default) or chrome (Perfetto trace events).",
            allowed: TraceFormat.allCases.map(\.rawValue)
        ),
        OptionSpec(
            "log-format",
            value: "FORMAT",
            help: "Standard error as text (default) or json (one object per line, with trace ids).",
            allowed: ["text", "json"]
        ),
    ]

    /// Parses the options (`allowed` already checked the values).
    init(_ arguments: ParsedArguments) {
        tracePath = arguments.value("trace")
        traceFormat = TraceFormat(rawValue: arguments.value("trace-format") ?? "otlp") ?? .otlp
        jsonLogs = arguments.value("log-format") == "json"
    }

    /// Writes `spans` to ``tracePath`` atomically in ``traceFormat`` (nothing without a path).
    /// - Throws: a ``CommandError`` naming the file when it cannot be written.
    func writeTrace(_ spans: [TraceSpan]) throws {
        guard let tracePath else { return }
        let text =
            switch traceFormat {
            case .otlp: OTLPTraceEncoder.encode(spans, version: BenchCommand.version)
            case .chrome: ChromeTraceEncoder.encode(spans)
            }
        do {
            try AtomicFile.write(Array(text.utf8), to: tracePath)
        } catch {
            throw CommandError("\(tracePath): cannot write the trace: \(error.message); choose a writable path")
        }
    }
}

/// Diagnostics on standard error: text lines (`bench: warning: …`), or JSON lines with correlation ids.
struct DiagnosticLog: Sendable {
    let output: TextOutput
    let json: Bool

    /// Writes one event. In text mode only warnings and errors are written (as `bench: LEVEL: msg`).
    func write(
        _ level: JSONLogLine.Level,
        _ message: String,
        correlationID: String,
        traceID: String? = nil,
        spanID: String? = nil,
        fields: [(key: String, value: JSONLogLine.Field)] = [],
        timeNanos: UInt64 = CoordinationTracer.wallNanos()
    ) {
        if json {
            output.write(
                JSONLogLine(
                    timeNanos: timeNanos,
                    level: level,
                    message: message,
                    correlationID: correlationID,
                    traceID: traceID,
                    spanID: spanID,
                    fields: fields
                ).text
            )
        } else if level == .warn || level == .error {
            output.write("bench: \(level == .warn ? "warning" : "error"): \(message)\n")
        }
    }
}
