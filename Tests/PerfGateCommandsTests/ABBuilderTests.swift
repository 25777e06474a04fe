import Foundation
import Testing

@testable import PerfGateCommands

/// `ABBuilder` against a throw-away git repository whose package does not build.
struct ABBuilderTests {
    private static func isOnPath(_ program: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }

    private static let hasTools = isOnPath("git") && isOnPath("swift")

    /// A repository with one commit whose Package.swift is not Swift; returns its folder and commit.
    private func makeBrokenRepository() throws -> (folder: URL, commit: String) {
        let folder = try makeTemporaryFolder()
        try "// swift-tools-version:6.1\nthis is not a package manifest\n"
            .write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        for arguments in [
            ["git", "init", "-q"], ["git", "add", "Package.swift"],
            ["git", "-c", "user.name=PerfGate", "-c", "user.email=perfgate@example.invalid", "commit", "-q", "-m", "broken"],
        ] {
            let result = try ABProcess.run(arguments, directory: folder.path)
            try #require(result.status == 0, "\(arguments): \(result.standardError)")
        }
        let commit = try ABProcess.run(["git", "rev-parse", "HEAD"], directory: folder.path).standardOutput
        return (folder, commit.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test(.enabled(if: hasTools, "git or swift not on PATH"))
    func aSideThatFailsToBuildIsAnErrorThatNamesItAndLeavesNoWorktree() throws {
        let (folder, commit) = try makeBrokenRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let builder = ABBuilder(root: folder.path, log: { _ in })
        let revision = ABRevision(side: .base, commit: commit)
        let error = try #require(throws: CommandError.self) { try builder.executable(for: revision) }
        #expect(error.description.hasPrefix("base (\(commit.prefix(7))): swift build failed: "), "\(error)")
        #expect(error.description.contains("Package.swift:2:"), "the first compiler error, not its drawing: \(error)")
        #expect(!error.description.contains("\n"))
        #expect(FileManager.default.fileExists(atPath: "\(builder.cacheFolder(commit: commit))/build.log"))
        #expect(!FileManager.default.fileExists(atPath: "\(builder.cacheFolder(commit: commit))/bench"))
        let worktrees = try ABProcess.run(["git", "worktree", "list"], directory: folder.path).standardOutput
        #expect(worktrees.split(separator: "\n").count == 1, "\(worktrees)")
    }

    @Test(.enabled(if: hasTools, "git or swift not on PATH"))
    func revisionsResolveToFullCommitsAndUnknownOnesAreOneLineErrors() throws {
        let (folder, commit) = try makeBrokenRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ABRevisionResolver.resolve("HEAD", side: .head, root: folder.path).commit == commit)
        let error = try #require(throws: CommandError.self) {
            try ABRevisionResolver.resolve("HEAD~1", side: .base, root: folder.path)
        }
        #expect(error.description.hasPrefix("--base HEAD~1: no such commit"), "\(error)")
        #expect(!error.description.contains("\n"))
    }
}
