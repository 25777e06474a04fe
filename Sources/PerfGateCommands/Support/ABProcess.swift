import Foundation

/// What a finished child process of `bench ab` left behind.
struct ABProcessResult: Sendable {
    /// The exit status, or 128 + signal number when a signal ended the process.
    var status: Int32
    /// Everything the process wrote on standard output.
    var standardOutput: String
    /// Everything the process wrote on standard error.
    var standardError: String

    /// The line that best explains a failure, for a one-line error message: the first compiler
    /// error that names a source line (`File.swift:2:23: error: …`), else the first `error:` line
    /// (such as `bench: error: …`), never the source excerpts a compiler draws under an error;
    /// else the last non-empty line of standard error or output.
    var explanation: String {
        let lines = (standardError + "\n" + standardOutput).split(whereSeparator: \.isNewline)
        let errors = lines.filter { line in
            let trimmed = line.drop { $0 == " " }
            return line.contains("error:") && !trimmed.hasPrefix("|") && !trimmed.hasPrefix("`")
        }
        let chosen = errors.first { $0.contains(".swift:") } ?? errors.first ?? lines.last ?? "no output"
        return String(chosen).trimmingCharacters(in: .whitespaces)
    }
}

/// Runs the child processes of `bench ab` (git, swift build, the two `bench` binaries) to completion.
///
/// Blocking: call it from a thread of its own, never from the cooperative pool. Output goes to
/// files (not pipes), so a chatty child can never block on a full pipe.
enum ABProcess {
    /// Runs `arguments[0]` (looked up on `PATH` unless it contains a slash) with the rest as arguments.
    ///
    /// - Parameters:
    ///   - arguments: The program and its arguments.
    ///   - directory: The working folder, or nil for this process's.
    ///   - logPath: Where to keep a copy of both streams (for a build log), or nil.
    /// - Throws: `CommandError` when the program cannot be started.
    static func run(_ arguments: [String], directory: String? = nil, logPath: String? = nil) throws -> ABProcessResult {
        precondition(!arguments.isEmpty, "a command needs a program")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-ab-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out")
        let errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        if arguments[0].contains("/") {
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CommandError(
                "cannot start \(arguments[0]): \(error.localizedDescription); is it installed and on PATH?"
            )
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let standardOutput = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let standardError = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        if let logPath {
            try? (standardOutput + standardError).write(toFile: logPath, atomically: true, encoding: .utf8)
        }
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return ABProcessResult(status: status, standardOutput: standardOutput, standardError: standardError)
    }
}
