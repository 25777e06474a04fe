import Glibc

/// What happens to a child's standard error.
public enum StandardErrorHandling: Sendable, Hashable {
    /// The child writes to this process's standard error.
    case inherit
    /// Read through a pipe; the last 16 KiB are kept and reported with a failure.
    case capture
    /// Sent to /dev/null.
    case discard
}

/// A command to start: an executable (searched in `PATH` when it has no `/`) and its arguments.
public struct WorkerCommand: Sendable, Hashable {
    /// The executable, for example `/proc/self/exe` or `/bin/sh`.
    public var executable: String
    /// Arguments after argv[0] (argv[0] is `executable`).
    public var arguments: [String]
    /// The whole environment of the child; nil inherits this process's environment.
    public var environment: [String: String]?

    /// Creates a command.
    public init(executable: String, arguments: [String] = [], environment: [String: String]? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }
}

/// A child process could not be started, or a system call around it failed.
public struct ProcessSpawnError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The call that failed (`posix_spawn /path`, `pipe2`, …).
    public var operation: String
    /// Its errno.
    public var errno: Int32

    /// Creates an error.
    public init(operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }

    /// `<operation> failed: <strerror>`; check the executable path and permissions.
    public var description: String {
        "\(operation) failed: \(String(cString: strerror(errno)))"
    }
}

/// How a child ended.
public enum ProcessTermination: Sendable, Hashable, CustomStringConvertible {
    /// It called exit with this status.
    case exited(Int32)
    /// A signal ended it (SIGSEGV = 11, SIGKILL = 9, …).
    case signaled(Int32)

    /// `exit status N` or `signal N (NAME)`.
    public var description: String {
        switch self {
        case .exited(let status): return "exit status \(status)"
        case .signaled(let signal): return "signal \(signal) (\(String(cString: strsignal(signal))))"
        }
    }

    /// Decodes a waitpid status (the WIFEXITED/WTERMSIG macros, which Swift cannot import).
    init(waitStatus status: Int32) {
        let signal = status & 0x7f
        self = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }
}

/// A child started with posix_spawn, in its own process group, with standard input on a
/// socket (so writing to a child that is gone gives EPIPE through MSG_NOSIGNAL, never SIGPIPE)
/// and standard output (and optionally standard error) on sockets too. All parent ends are
/// non-blocking and close-on-exec.
struct ChildProcess {
    let pid: pid_t
    /// Write end of the child's standard input; -1 once closed.
    var input: Int32
    /// Read end of the child's standard output; -1 once closed.
    var output: Int32
    /// Read end of the child's standard error when captured, else -1.
    var errorOutput: Int32

    /// Starts `command`.
    ///
    /// posix_spawn is used rather than Foundation.Process: it needs no run loop or extra
    /// thread, and allows a process group (so a SIGKILL reaches the worker's own children),
    /// a clean signal mask and SIGPIPE reset to its default in the child.
    /// - Throws: ``ProcessSpawnError`` naming the failed call.
    static func spawn(
        _ command: WorkerCommand,
        standardError: StandardErrorHandling
    ) throws(ProcessSpawnError) -> ChildProcess {
        var inputPair: [Int32] = [-1, -1]
        var outputPair: [Int32] = [-1, -1]
        var errorPair: [Int32] = [-1, -1]
        var opened: [Int32] = []
        defer { for descriptor in opened { close(descriptor) } }
        try makeSocketPair(&inputPair, opened: &opened)
        try makeSocketPair(&outputPair, opened: &opened)
        if standardError == .capture { try makeSocketPair(&errorPair, opened: &opened) }
        let pid = try spawnProcess(
            command,
            input: inputPair[1],
            output: outputPair[1],
            errorOutput: errorPair[1],
            standardError: standardError
        )
        // The child holds its ends now (buffers are non-empty: `!` cannot fail above); the parent keeps only its own, non-blocking.
        opened = [inputPair[1], outputPair[1]] + (errorPair[1] >= 0 ? [errorPair[1]] : [])
        for descriptor in [inputPair[0], outputPair[0], errorPair[0]] where descriptor >= 0 {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        return ChildProcess(pid: pid, input: inputPair[0], output: outputPair[0], errorOutput: errorPair[0])
    }

    /// A close-on-exec Unix stream socket pair: [parent end, child end]. Sockets rather than
    /// pipes because Glibc's module does not export pipe2, and pipe + fcntl would let a
    /// concurrent spawn inherit the descriptors.
    private static func makeSocketPair(_ pair: inout [Int32], opened: inout [Int32]) throws(ProcessSpawnError) {
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw ProcessSpawnError(operation: "socketpair", errno: errno)
        }
        opened += pair
    }

    private static func spawnProcess(
        _ command: WorkerCommand,
        input: Int32,
        output: Int32,
        errorOutput: Int32,
        standardError: StandardErrorHandling
    ) throws(ProcessSpawnError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO)
        switch standardError {
        case .inherit: break
        case .capture: posix_spawn_file_actions_adddup2(&actions, errorOutput, STDERR_FILENO)
        case .discard: posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP)
        )
        let argv = ([command.executable] + command.arguments).map { strdup($0) }
        let environment = command.environment.map {
            $0.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in environment ?? [] { free(pointer) }
        }
        var pid: pid_t = 0
        let status = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
            if let environment {
                return (environment + [nil]).withUnsafeBufferPointer { environmentBuffer in
                    posix_spawnp(
                        &pid,
                        command.executable,
                        &actions,
                        &attributes,
                        argvBuffer.baseAddress!,
                        environmentBuffer.baseAddress!
                    )
                }
            }
            return posix_spawnp(&pid, command.executable, &actions, &attributes, argvBuffer.baseAddress!, environ)
        }
        guard status == 0 else {
            throw ProcessSpawnError(operation: "posix_spawn \(command.executable)", errno: status)
        }
        return pid
    }

    /// Sends SIGKILL to the child's process group and, unless it was already reaped, to the child.
    func kill(includingProcess: Bool = true) {
        _ = Glibc.kill(-pid, SIGKILL)
        if includingProcess { _ = Glibc.kill(pid, SIGKILL) }
    }

    /// Reaps the child without blocking: nil while it is still running.
    func reapIfExited() -> ProcessTermination? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return ProcessTermination(waitStatus: status) }
            if result < 0 && errno == EINTR { continue }
            // 0: still running. -1 (ECHILD) would mean someone else reaped it: report it as killed.
            return result == 0 ? nil : .signaled(SIGKILL)
        }
    }

    /// Reaps the child, blocking until it exits (use after ``kill()``).
    func reap() -> ProcessTermination {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, 0)
            if result == pid { return ProcessTermination(waitStatus: status) }
            if result < 0 && errno == EINTR { continue }
            return .signaled(SIGKILL)
        }
    }

    /// Closes every parent-side descriptor still open.
    mutating func closeAll() {
        for descriptor in [input, output, errorOutput] where descriptor >= 0 { close(descriptor) }
        input = -1
        output = -1
        errorOutput = -1
    }
}
