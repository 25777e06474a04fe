import Glibc

/// Runs a short command to completion and captures its standard output (standard error is
/// discarded), for tools such as `git`. Blocking; use it outside timed regions.
package enum CommandOutput {
    /// Runs `command` and waits for it, at most `timeout`.
    ///
    /// - Returns: The exit status and standard output, or nil when the command could not be started
    ///   or was killed after `timeout`.
    /// - Complexity: As long as the command runs (bounded by `timeout`).
    package static func run(
        _ command: WorkerCommand,
        timeout: Duration = .seconds(10)
    ) -> (termination: ProcessTermination, output: String)? {
        guard var child = try? ChildProcess.spawn(command, standardError: .discard) else { return nil }
        defer { child.closeAll() }
        close(child.input)
        child.input = -1
        let deadline = MonotonicClock.nanoseconds() + UInt64(max(0, timeout.seconds) * 1e9)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while child.output >= 0 {
            let now = MonotonicClock.nanoseconds()
            guard now < deadline else {
                child.kill()
                _ = child.reap()
                return nil
            }
            var descriptor = pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(100, (deadline - now) / 1_000_000 + 1)))
            guard ready > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { read(child.output, $0.baseAddress, $0.count) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if count <= 0 {
                close(child.output)
                child.output = -1
            } else {
                output.append(contentsOf: chunk[0..<count])
            }
        }
        return (child.reap(), String(decoding: output, as: UTF8.self))
    }
}
