import Glibc

/// A child process for tests: spawned with `posix_spawnp`, standard output through a pipe, standard
/// error discarded.
final class Subprocess {
    let pid: pid_t
    private let outputDescriptor: Int32
    private var buffered: [UInt8] = []

    /// Spawns `argv` (`argv[0]` is looked up on PATH unless it holds a `/`).
    init(_ argv: [String]) throws {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw SpawnError(code: errno) }
        // Close-on-exec, so children spawned concurrently by other tests do not inherit the pipe.
        _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, argv[0], &actions, nil, &cArguments, environ)
        close(pipeEnds[1])
        guard spawned == 0 else {
            close(pipeEnds[0])
            throw SpawnError(code: spawned)
        }
        self.pid = pid
        self.outputDescriptor = pipeEnds[0]
    }

    deinit {
        close(outputDescriptor)
    }

    /// Runs `argv` to completion; its wait status and standard output.
    static func run(_ argv: [String]) throws -> (status: Int32, output: String) {
        let process = try Subprocess(argv)
        let output = process.readToEnd()
        return (process.wait(), output)
    }

    /// Reads standard output up to the first newline (without it), waiting at most `limit`; nil on
    /// end of output or timeout.
    func readLine(limit: Duration = .seconds(30)) -> String? {
        let deadline = ContinuousClock.now + limit
        while true {
            if let newline = buffered.firstIndex(of: 0x0A) {
                defer { buffered.removeSubrange(...newline) }
                return String(decoding: buffered[..<newline], as: UTF8.self)
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return nil }
            var descriptor = pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(
                remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
            )
            guard poll(&descriptor, 1, max(1, milliseconds)) > 0 else { continue }
            guard readChunk() > 0 else { return nil }
        }
    }

    /// Everything left on standard output until the child closes it.
    func readToEnd() -> String {
        while readChunk() > 0 {}
        defer { buffered.removeAll() }
        return String(decoding: buffered, as: UTF8.self)
    }

    /// Waits for the child and returns its wait status.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status
    }

    private func readChunk() -> Int {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(outputDescriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count > 0 { buffered.append(contentsOf: chunk[0..<count]) }
            return count
        }
    }

    struct SpawnError: Error {
        var code: Int32
    }
}
