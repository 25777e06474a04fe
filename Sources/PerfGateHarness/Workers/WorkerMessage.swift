import Foundation

/// One line a worker writes to its standard output: the worker protocol, version 1.
///
/// Each message is one JSON object on one line (`\n`-terminated, UTF-8), with an `event` field:
///
/// | event | fields | meaning |
/// | --- | --- | --- |
/// | `hello` | `protocol` (Int), `pid` (Int) | first line; the worker speaks this protocol version |
/// | `begin` | `block` (Int), `scenario` | the worker starts block `block` (index in the plan) |
/// | `samples` | `block`, `scenario`, `metrics` ({name: [Double]}) | the block finished with these samples |
/// | `failed` | `block`, `scenario`, `message` | the scenario threw; the worker skips its later blocks |
/// | `done` | — | every block ran; the worker exits 0 next |
///
/// Example: `{"block":0,"event":"samples","metrics":{"seconds":[0.0012,0.0011]},"scenario":"a"}`.
/// A worker's standard output carries nothing else; its diagnostics go to standard error.
public enum WorkerMessage: Sendable, Hashable {
    /// First line: the protocol version the worker speaks, and its process id.
    case hello(protocolVersion: Int, processID: Int)
    /// The worker starts block `block` (its index in the plan) of `scenario`.
    case begin(block: Int, scenario: String)
    /// Block `block` finished with these samples (finite values only).
    case samples(block: Int, scenario: String, metrics: MetricSamples)
    /// The scenario's workload failed in block `block`; the worker skips its later blocks.
    case failed(block: Int, scenario: String, message: String)
    /// Every block ran; the worker exits 0 next.
    case done

    /// The message as one JSON line, without the trailing newline.
    ///
    /// - Throws: ``WorkerProtocolError`` when a sample is not finite (JSON has no NaN or ∞).
    public func encodedLine() throws(WorkerProtocolError) -> String {
        let wire: WireMessage
        switch self {
        case .hello(let version, let processID):
            wire = WireMessage(event: "hello", protocolVersion: version, pid: processID)
        case .begin(let block, let scenario):
            wire = WireMessage(event: "begin", block: block, scenario: scenario)
        case .samples(let block, let scenario, let metrics):
            for (name, values) in metrics where !values.allSatisfy(\.isFinite) {
                throw WorkerProtocolError(message: "metric \(name) of scenario \(scenario) has a non-finite sample")
            }
            wire = WireMessage(event: "samples", block: block, scenario: scenario, metrics: metrics)
        case .failed(let block, let scenario, let message):
            wire = WireMessage(event: "failed", block: block, scenario: scenario, message: message)
        case .done:
            wire = WireMessage(event: "done")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(wire), as: UTF8.self)
        } catch {
            throw WorkerProtocolError(message: "cannot encode a worker message: \(error)")
        }
    }

    /// Parses one protocol line (without its newline).
    ///
    /// - Throws: ``WorkerProtocolError`` naming what is wrong: not JSON, unknown event, missing field.
    public init(line: Substring) throws(WorkerProtocolError) {
        let wire: WireMessage
        do {
            wire = try JSONDecoder().decode(WireMessage.self, from: Data(line.utf8))
        } catch {
            throw WorkerProtocolError(message: "not a protocol line: \(line.prefix(120))")
        }
        func require<Value>(_ value: Value?, _ field: String) throws(WorkerProtocolError) -> Value {
            guard let value else {
                throw WorkerProtocolError(message: "\(wire.event) line without \(field): \(line.prefix(120))")
            }
            return value
        }
        switch wire.event {
        case "hello":
            self = .hello(protocolVersion: try require(wire.protocolVersion, "protocol"), processID: wire.pid ?? 0)
        case "begin":
            self = .begin(block: try require(wire.block, "block"), scenario: try require(wire.scenario, "scenario"))
        case "samples":
            self = .samples(
                block: try require(wire.block, "block"),
                scenario: try require(wire.scenario, "scenario"),
                metrics: try require(wire.metrics, "metrics")
            )
        case "failed":
            self = .failed(
                block: try require(wire.block, "block"),
                scenario: try require(wire.scenario, "scenario"),
                message: wire.message ?? ""
            )
        case "done": self = .done
        default: throw WorkerProtocolError(message: "unknown event \(wire.event)")
        }
    }
}

/// A worker broke the line protocol, or a message could not be written.
public struct WorkerProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, with the offending line's start.
    public var message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    /// `worker protocol: <message>`.
    public var description: String { "worker protocol: \(message)" }
}

/// The JSON shape of every message: one flat object, fields absent when unused.
private struct WireMessage: Codable {
    var event: String
    var protocolVersion: Int?
    var pid: Int?
    var block: Int?
    var scenario: String?
    var metrics: MetricSamples?
    var message: String?

    enum CodingKeys: String, CodingKey {
        case event, pid, block, scenario, metrics, message
        case protocolVersion = "protocol"
    }

    init(
        event: String,
        protocolVersion: Int? = nil,
        pid: Int? = nil,
        block: Int? = nil,
        scenario: String? = nil,
        metrics: MetricSamples? = nil,
        message: String? = nil
    ) {
        self.event = event
        self.protocolVersion = protocolVersion
        self.pid = pid
        self.block = block
        self.scenario = scenario
        self.metrics = metrics
        self.message = message
    }
}
