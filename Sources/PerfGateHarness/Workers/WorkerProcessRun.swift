import Foundation
import Glibc

/// Runs one worker process to its end: starts it, writes its plan, reads protocol lines with
/// `poll` (no thread per descriptor), enforces the inactivity timeout, and reaps it.
///
/// Blocking: call it on a dedicated thread, never on the Swift concurrency pool.
struct WorkerProcessRun {
    let command: WorkerCommand
    let standardError: StandardErrorHandling
    let inactivityTimeout: Duration
    let plan: WorkerPlan
    let isCancelled: () -> Bool
    let onBlockFinished: (_ block: Int) -> Void

    /// The outcome of the process.
    struct Outcome {
        var session: WorkerSession
        /// Set when the process did not end with `done` and exit status 0.
        var failure: WorkerFailure?
    }

    private static let standardErrorTailLimit = 16 << 10
    private static let lineLimit = 64 << 20

    /// Starts the process and runs it until it exits or is killed.
    func run() -> Outcome {
        var session = WorkerSession(blocks: plan.blocks)
        var child: ChildProcess
        do {
            child = try ChildProcess.spawn(command, standardError: standardError)
        } catch {
            return Outcome(session: session, failure: failure(.spawnFailed(error), session: session, tail: []))
        }
        defer { child.closeAll() }
        var state = LoopState(planBytes: planLine())
        let killReason = loop(child: &child, session: &session, state: &state)
        if let killReason {
            // A reaped child's pid may be reused: signal only its group then (a group id is not
            // reused while any member, such as a grandchild holding the output, is alive).
            child.kill(includingProcess: state.termination == nil)
            if state.termination == nil { _ = child.reap() }
            return Outcome(session: session, failure: failure(killReason, session: session, tail: state.errorTail))
        }
        let termination = state.termination ?? child.reap()
        if case .exited(0) = termination, session.isDone { return Outcome(session: session, failure: nil) }
        let reason: WorkerFailure.Reason =
            if case .exited(0) = termination { .protocolViolation("exited with status 0 before writing done") } else {
                .terminated(termination)
            }
        return Outcome(session: session, failure: failure(reason, session: session, tail: state.errorTail))
    }

    private func failure(_ reason: WorkerFailure.Reason, session: WorkerSession, tail: [UInt8]) -> WorkerFailure {
        WorkerFailure(
            processIndex: plan.processIndex,
            scenario: session.currentScenario,
            reason: reason,
            standardErrorTail: String(decoding: tail, as: UTF8.self)
        )
    }

    private func planLine() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding a plan cannot fail: it holds only strings and integers.
        return Array((try! encoder.encode(plan)) + [UInt8(ascii: "\n")])
    }

    /// Mutable state of the I/O loop.
    private struct LoopState {
        var planBytes: [UInt8]
        var planOffset = 0
        var lineBuffer: [UInt8] = []
        var errorTail: [UInt8] = []
        var termination: ProcessTermination?
        var deadline = MonotonicClock.nanoseconds()
    }

    /// Polls until the process has exited and its outputs are closed.
    /// - Returns: Why the process must be killed, or nil when it ended by itself.
    private func loop(
        child: inout ChildProcess,
        session: inout WorkerSession,
        state: inout LoopState
    ) -> WorkerFailure.Reason? {
        let timeoutNanoseconds = UInt64(max(0, inactivityTimeout.seconds) * 1e9)
        state.deadline = MonotonicClock.nanoseconds() + timeoutNanoseconds
        while true {
            if state.termination == nil { state.termination = child.reapIfExited() }
            if state.termination != nil && child.output < 0 && child.errorOutput < 0 { return nil }
            let now = MonotonicClock.nanoseconds()
            if now >= state.deadline { return .timedOut(inactivityTimeout) }
            if isCancelled() { return .cancelled }
            var descriptors: [pollfd] = []
            if child.input >= 0 { descriptors.append(pollfd(fd: child.input, events: Int16(POLLOUT), revents: 0)) }
            if child.output >= 0 { descriptors.append(pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)) }
            if child.errorOutput >= 0 {
                descriptors.append(pollfd(fd: child.errorOutput, events: Int16(POLLIN), revents: 0))
            }
            // Outputs closed but not reaped yet: check again soon. Otherwise wake at least every
            // 100 ms to notice cancellation.
            let waitMilliseconds = child.output < 0 && child.errorOutput < 0 ? 2 : 100
            let timeout = Int32(min(UInt64(waitMilliseconds), (state.deadline - now) / 1_000_000 + 1))
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready < 0 && errno != EINTR { return .protocolViolation("poll failed: errno \(errno)") }
            if ready <= 0 { continue }
            for descriptor in descriptors where descriptor.revents != 0 {
                if descriptor.fd == child.input {
                    sendPlan(child: &child, state: &state)
                } else if descriptor.fd == child.output {
                    if let reason = readOutput(
                        child: &child,
                        session: &session,
                        state: &state,
                        timeout: timeoutNanoseconds
                    ) {
                        return reason
                    }
                } else {
                    readErrorOutput(child: &child, state: &state)
                }
            }
        }
    }

    private func sendPlan(child: inout ChildProcess, state: inout LoopState) {
        let sent = state.planBytes.withUnsafeBytes { buffer in
            send(
                child.input,
                buffer.baseAddress! + state.planOffset,
                buffer.count - state.planOffset,
                Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)
            )
        }
        if sent < 0 && (errno == EINTR || errno == EAGAIN) { return }
        if sent > 0 { state.planOffset += sent }
        // Done, or the child does not read (it exited or closed stdin): its outcome will say why.
        if sent < 0 || state.planOffset == state.planBytes.count {
            close(child.input)
            child.input = -1
        }
    }

    private func readOutput(
        child: inout ChildProcess,
        session: inout WorkerSession,
        state: inout LoopState,
        timeout: UInt64
    ) -> WorkerFailure.Reason? {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { read(child.output, $0.baseAddress, $0.count) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return nil }
        if count <= 0 {
            close(child.output)
            child.output = -1
            return state.lineBuffer.isEmpty ? nil : .protocolViolation("last line has no newline")
        }
        state.lineBuffer.append(contentsOf: chunk[0..<count])
        while let newline = state.lineBuffer.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: state.lineBuffer[..<newline], as: UTF8.self)
            state.lineBuffer.removeSubrange(...newline)
            do throws(WorkerProtocolError) {
                if let finished = try session.receive(WorkerMessage(line: Substring(line))) {
                    onBlockFinished(finished)
                }
            } catch {
                return .protocolViolation(error.message)
            }
            state.deadline = MonotonicClock.nanoseconds() + timeout
        }
        return state.lineBuffer.count > Self.lineLimit ? .protocolViolation("a line longer than 64 MiB") : nil
    }

    private func readErrorOutput(child: inout ChildProcess, state: inout LoopState) {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let count = chunk.withUnsafeMutableBytes { read(child.errorOutput, $0.baseAddress, $0.count) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return }
        if count <= 0 {
            close(child.errorOutput)
            child.errorOutput = -1
            return
        }
        state.errorTail.append(contentsOf: chunk[0..<count])
        if state.errorTail.count > Self.standardErrorTailLimit {
            state.errorTail.removeFirst(state.errorTail.count - Self.standardErrorTailLimit)
        }
    }
}
