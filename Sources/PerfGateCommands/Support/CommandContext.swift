#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Where a command writes text: a file descriptor, or a buffer in tests.
package final class TextOutput: Sendable {
    private enum Target {
        case descriptor(Int32)
        case buffer
    }

    private let target: Target
    private let captured = Mutex("")
    /// Whether the output is an interactive terminal (false for buffers).
    package let isTerminal: Bool

    private init(target: Target, isTerminal: Bool) {
        self.target = target
        self.isTerminal = isTerminal
    }

    /// Standard output.
    package static let standardOutput = TextOutput(target: .descriptor(1), isTerminal: isatty(1) == 1)
    /// Standard error.
    package static let standardError = TextOutput(target: .descriptor(2), isTerminal: isatty(2) == 1)

    /// An in-memory output for tests; `isTerminal` lets tests exercise colour and progress.
    package static func makeBuffer(isTerminal: Bool = false) -> TextOutput {
        TextOutput(target: .buffer, isTerminal: isTerminal)
    }

    /// Writes `text` as UTF-8, all of it (retrying short writes and EINTR).
    package func write(_ text: String) {
        switch target {
        case .buffer:
            captured.withLock { $0 += text }
        case .descriptor(let fd):
            var bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { buffer in
                    Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }  // A closed pipe: nothing more can be shown.
                offset += written
            }
            bytes.removeAll()
        }
    }

    /// Everything written so far (buffers only; empty for descriptors).
    package var text: String { captured.withLock { $0 } }
}

/// What a command may touch besides its arguments: output streams, environment, working folder.
package struct CommandContext: Sendable {
    package var standardOutput: TextOutput
    package var standardError: TextOutput
    /// Environment variables (`NO_COLOR`, `CI`, …).
    package var environment: [String: String]
    /// The path of the running `bench` executable, for re-executing itself as a worker.
    package var executablePath: String

    package init(
        standardOutput: TextOutput, standardError: TextOutput, environment: [String: String],
        executablePath: String
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
        self.executablePath = executablePath
    }

    /// Whether colour may be used on `output`: only on a terminal, and never with `NO_COLOR` set.
    package func usesColor(on output: TextOutput) -> Bool {
        output.isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true
    }
}
