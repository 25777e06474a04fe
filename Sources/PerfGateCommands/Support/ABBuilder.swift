import Foundation

/// Builds the `bench` executable of each side of `bench ab`, with a cache keyed by commit.
///
/// A commit is checked out with `git worktree add --detach` in a temporary folder, built with
/// `swift build -c release --product bench`, and its executable kept as `.bench/ab/<commit>/bench`
/// (the worktree is removed afterwards); a later call finds it there and builds nothing. The
/// working tree (head without `--head`) is built in place, where SwiftPM's own incremental build
/// is the cache.
struct ABBuilder {
    /// The repository's top folder.
    var root: String
    /// Receives one line per step (building, cached), for progress on standard error.
    var log: @Sendable (String) -> Void

    /// The cache folder of `commit`.
    func cacheFolder(commit: String) -> String { "\(root)/.bench/ab/\(commit)" }

    /// The path of a release `bench` built from `revision`, building it when needed.
    /// - Throws: `CommandError` naming the side (`base (abc1234): swift build failed: …`).
    func executable(for revision: ABRevision) throws -> String {
        guard let commit = revision.commit else { return try buildWorkingTree(revision) }
        let cached = "\(cacheFolder(commit: commit))/bench"
        if FileManager.default.isExecutableFile(atPath: cached) {
            log("\(revision.label): using the cached build \(cached)")
            return cached
        }
        return try buildCommit(commit, revision: revision, into: cached)
    }

    private func buildWorkingTree(_ revision: ABRevision) throws -> String {
        log("\(revision.label): swift build -c release --product bench")
        let build = try ABProcess.run(["swift", "build", "-c", "release", "--product", "bench"], directory: root)
        guard build.status == 0 else {
            throw CommandError("\(revision.label): swift build failed: \(build.explanation)")
        }
        let binPath = try ABProcess.run(["swift", "build", "-c", "release", "--show-bin-path"], directory: root)
        let folder = binPath.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard binPath.status == 0, FileManager.default.isExecutableFile(atPath: "\(folder)/bench") else {
            throw CommandError("\(revision.label): swift build left no bench executable in \(folder)")
        }
        return "\(folder)/bench"
    }

    private func buildCommit(_ commit: String, revision: ABRevision, into cached: String) throws -> String {
        let cache = cacheFolder(commit: commit)
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        let worktree = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bench-ab-\(revision.shortName)-\(UUID().uuidString)"
        ).path
        log("\(revision.label): git worktree add \(worktree); swift build -c release (log: \(cache)/build.log)")
        let add = try ABProcess.run(["git", "worktree", "add", "--detach", worktree, commit], directory: root)
        guard add.status == 0 else {
            throw CommandError("\(revision.label): git worktree add failed: \(add.explanation)")
        }
        defer {
            _ = try? ABProcess.run(["git", "worktree", "remove", "--force", worktree], directory: root)
            try? FileManager.default.removeItem(atPath: worktree)
            _ = try? ABProcess.run(["git", "worktree", "prune"], directory: root)
        }
        let build = try ABProcess.run(
            ["swift", "build", "-c", "release", "--product", "bench", "--package-path", worktree],
            directory: worktree,
            logPath: "\(cache)/build.log"
        )
        guard build.status == 0 else {
            throw CommandError(
                "\(revision.label): swift build failed: \(build.explanation) (full log: \(cache)/build.log)"
            )
        }
        let built = "\(worktree)/.build/release/bench"
        guard FileManager.default.isExecutableFile(atPath: built) else {
            throw CommandError("\(revision.label): swift build left no executable at \(built)")
        }
        // Copy, then rename, so an interrupted copy never looks like a finished build.
        let partial = cached + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        try FileManager.default.copyItem(atPath: built, toPath: partial)
        try? FileManager.default.removeItem(atPath: cached)
        try FileManager.default.moveItem(atPath: partial, toPath: cached)
        return cached
    }
}
