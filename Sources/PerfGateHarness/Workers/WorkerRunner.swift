import Foundation
import Glibc

/// The worker side of the protocol: runs a ``WorkerPlan`` and reports each block as
/// ``WorkerMessage`` lines.
///
/// The layer above re-executes itself as a hidden worker (for example `bench __worker`) and calls
/// ``runWithStandardStreams(lookup:)``, then exits 0; on a thrown error it exits non-zero.
public enum WorkerRunner {
    /// Runs every block of `plan` in order and writes the protocol lines through `write`.
    ///
    /// Writes `hello`, then per block `begin` and either `samples` or `failed`, then `done`.
    /// A scenario's workload comes from `lookup` on first use and is prepared then; a scenario
    /// whose lookup returns nil, or that throws from `prepare` or `runBlock`, or returns a
    /// non-finite sample, gets one `failed` line and its later blocks are skipped. Workloads are
    /// finished after the last block.
    ///
    /// - Parameters:
    ///   - plan: The blocks to run.
    ///   - lookup: The workload for a scenario id, or nil when the id is unknown.
    ///   - write: Writes one line (the newline is not included).
    /// - Throws: Whatever `write` throws (the parent is gone): the remaining blocks are not run.
    /// - Complexity: Runs every block once.
    public static func run(
        plan: WorkerPlan,
        lookup: (_ scenario: String) -> (any Workload)?,
        write: (_ line: String) throws -> Void
    ) throws {
        var workloads: [String: any Workload] = [:]
        var failedScenarios: Set<String> = []
        defer {
            for workload in workloads.values { workload.finish() }
        }
        try write(
            try WorkerMessage.hello(protocolVersion: WorkerPlan.currentProtocolVersion, processID: Int(getpid()))
                .encodedLine()
        )
        for (index, block) in plan.blocks.enumerated() where !failedScenarios.contains(block.scenario) {
            try write(try WorkerMessage.begin(block: index, scenario: block.scenario).encodedLine())
            let line: String
            do throws(WorkerProtocolError) {
                let metrics = try runBlock(block, workloads: &workloads, lookup: lookup)
                line = try WorkerMessage.samples(block: index, scenario: block.scenario, metrics: metrics).encodedLine()
            } catch {
                failedScenarios.insert(block.scenario)
                line = try WorkerMessage.failed(block: index, scenario: block.scenario, message: error.message)
                    .encodedLine()
            }
            try write(line)
        }
        try write(try WorkerMessage.done.encodedLine())
    }

    /// Looks up, prepares on first use, and runs one block; every failure becomes a message.
    private static func runBlock(
        _ block: WorkerBlock,
        workloads: inout [String: any Workload],
        lookup: (_ scenario: String) -> (any Workload)?
    ) throws(WorkerProtocolError) -> MetricSamples {
        do {
            let workload: any Workload
            if let existing = workloads[block.scenario] {
                workload = existing
            } else {
                guard let found = lookup(block.scenario) else {
                    throw WorkerProtocolError(message: "unknown scenario \(block.scenario)")
                }
                workloads[block.scenario] = found
                try found.prepare()
                workload = found
            }
            let metrics = try workload.runBlock(sampleCount: block.sampleCount)
            for (name, values) in metrics where !values.allSatisfy(\.isFinite) {
                throw WorkerProtocolError(message: "metric \(name) has a non-finite sample")
            }
            return metrics
        } catch let error as WorkerProtocolError {
            throw error
        } catch {
            throw WorkerProtocolError(message: String(describing: error))
        }
    }

    /// Reads the plan from standard input (one JSON line), runs it with protocol lines on
    /// standard output, and returns when the `done` line is written.
    ///
    /// Standard output is reserved for the protocol: it is duplicated to a private descriptor and
    /// descriptor 1 is pointed at standard error, so a stray `print` in a scenario lands on
    /// standard error instead of corrupting the protocol.
    ///
    /// - Throws: ``WorkerRunnerError`` when the plan cannot be read or decoded, or the protocol
    ///   descriptor cannot be written (the supervisor is gone).
    public static func runWithStandardStreams(lookup: (_ scenario: String) -> (any Workload)?) throws(WorkerRunnerError)
    {
        let protocolDescriptor = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)
        guard protocolDescriptor >= 0 else { throw WorkerRunnerError(operation: "dup(stdout)", errno: errno) }
        defer { close(protocolDescriptor) }
        fflush(nil)
        guard dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else {
            throw WorkerRunnerError(operation: "dup2(stderr, stdout)", errno: errno)
        }
        try run(planFrom: STDIN_FILENO, protocolTo: protocolDescriptor, lookup: lookup)
    }

    /// Reads the plan (one JSON line) from `planDescriptor`, runs it, and writes the protocol lines
    /// to `protocolDescriptor`; ``runWithStandardStreams(lookup:)`` without the redirection.
    /// - Throws: ``WorkerRunnerError`` as ``runWithStandardStreams(lookup:)`` does.
    package static func run(
        planFrom planDescriptor: Int32,
        protocolTo protocolDescriptor: Int32,
        lookup: (_ scenario: String) -> (any Workload)?
    ) throws(WorkerRunnerError) {
        let plan = try readPlan(from: planDescriptor)
        do {
            try run(plan: plan, lookup: lookup) { line in
                try FileDescriptorIO.writeAll(Array((line + "\n").utf8), to: protocolDescriptor)
            }
        } catch let error as WorkerRunnerError {
            throw error
        } catch {
            throw WorkerRunnerError(operation: "write protocol line", errno: EIO)
        }
    }

    private static func readPlan(from descriptor: Int32) throws(WorkerRunnerError) -> WorkerPlan {
        let bytes: [UInt8]
        do {
            bytes = try FileDescriptorIO.readLine(from: descriptor, limit: 64 << 20)
        } catch {
            throw error
        }
        do {
            let plan = try JSONDecoder().decode(WorkerPlan.self, from: Data(bytes))
            guard plan.protocolVersion == WorkerPlan.currentProtocolVersion else {
                throw WorkerRunnerError(
                    operation:
                        "plan protocol \(plan.protocolVersion) (this worker speaks \(WorkerPlan.currentProtocolVersion))",
                    errno: EPROTO
                )
            }
            return plan
        } catch let error as WorkerRunnerError {
            throw error
        } catch {
            throw WorkerRunnerError(operation: "decode plan from standard input", errno: EINVAL)
        }
    }
}

/// A worker could not read its plan or write its protocol lines.
public struct WorkerRunnerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done.
    public var operation: String
    /// The errno value (EINVAL for a malformed plan, EPROTO for a protocol version mismatch).
    public var errno: Int32

    /// Creates an error.
    public init(operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }

    /// `worker: <operation> failed: <strerror>`.
    public var description: String {
        "worker: \(operation) failed: \(String(cString: strerror(errno)))"
    }
}
