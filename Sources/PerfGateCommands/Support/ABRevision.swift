/// One side of an A/B comparison: which code it runs.
struct ABRevision: Sendable, Hashable {
    /// Which side this is.
    enum Side: String, Sendable, Hashable {
        case base
        case head
    }

    /// The side.
    var side: Side
    /// The full commit id, or nil for the working tree as it is (head without `--head`).
    var commit: String?

    /// The commit's first 7 hex digits, or `working tree`.
    var shortName: String { commit.map { String($0.prefix(7)) } ?? "working tree" }

    /// `base (abc1234)`: how errors and progress name the side.
    var label: String { "\(side.rawValue) (\(shortName))" }
}

/// Resolves revision names (`HEAD~1`, a branch, a commit id) to commits with git.
enum ABRevisionResolver {
    /// The top folder of the git repository around `directory`.
    /// - Throws: `CommandError` when git is missing or the folder is not in a repository.
    static func repositoryRoot(directory: String? = nil) throws -> String {
        let result = try ABProcess.run(["git", "rev-parse", "--show-toplevel"], directory: directory)
        guard result.status == 0, let root = result.standardOutput.split(whereSeparator: \.isNewline).first else {
            throw CommandError(
                "bench ab: the current folder is not inside a git repository (git rev-parse --show-toplevel: "
                    + "\(result.explanation)); run bench ab from a clone with history (fetch-depth 0 in CI)"
            )
        }
        return String(root)
    }

    /// The full commit id that `name` names, for `side` (`--base` or `--head`).
    /// - Throws: `CommandError` with a one-line message when git does not know `name`.
    static func resolve(_ name: String, side: ABRevision.Side, root: String) throws -> ABRevision {
        guard !name.isEmpty, !name.hasPrefix("-") else {
            throw CommandError(
                "--\(side.rawValue) \"\(name)\": not a revision; give a commit, branch or tag such as HEAD~1"
            )
        }
        let result = try ABProcess.run(
            ["git", "rev-parse", "--verify", "--quiet", "\(name)^{commit}"],
            directory: root
        )
        let commit = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, commit.count >= 40, commit.allSatisfy(\.isHexDigit) else {
            throw CommandError(
                "--\(side.rawValue) \(name): no such commit in \(root); check the name, or fetch the history "
                    + "(git fetch --unshallow, or fetch-depth: 0 in actions/checkout)"
            )
        }
        return ABRevision(side: side, commit: commit)
    }
}
