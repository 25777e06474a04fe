public import PerfGateResults

/// Reads the source revision with the `git` command line.
public enum GitCapture {
    /// Commit, branch and dirtiness of the repository containing `directory`.
    ///
    /// Runs `git -C DIR rev-parse HEAD`, `git -C DIR rev-parse --abbrev-ref HEAD` and
    /// `git -C DIR status --porcelain` (each bounded by 10 s). `branch` is `HEAD` on a detached
    /// checkout, as git prints it.
    ///
    /// - Parameter directory: The folder to ask about; nil uses the current directory.
    /// - Returns: nil when git is not installed or `directory` is not inside a work tree; a field
    ///   is nil when its command fails.
    /// - Complexity: Three child processes (tens of milliseconds).
    public static func current(directory: String? = nil) -> GitInfo? {
        let prefix = directory.map { ["-C", $0] } ?? []
        func git(_ arguments: [String]) -> String? {
            guard let result = CommandOutput.run(WorkerCommand(executable: "git", arguments: prefix + arguments)),
                result.termination == .exited(0)
            else { return nil }
            return result.output
        }
        guard let commit = git(["rev-parse", "HEAD"])?.trimmedLine, !commit.isEmpty else { return nil }
        let branch = git(["rev-parse", "--abbrev-ref", "HEAD"])?.trimmedLine
        let status = git(["status", "--porcelain"])
        return GitInfo(commit: commit, branch: branch, dirty: status.map { !$0.isEmpty })
    }
}

extension String {
    /// The text without surrounding whitespace and newlines.
    var trimmedLine: String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
