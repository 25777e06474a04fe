/// One `bench` subcommand: its declaration and what it does.
package protocol BenchSubcommand {
    /// The declaration that drives parsing and `--help`.
    static var spec: CommandSpec { get }
    /// Runs the command with parsed arguments and returns the exit status.
    /// - Throws: `UsageError`, `CommandError` or a library error; the root turns them into the
    ///   contract's error line and status 2.
    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus
}

/// The root of the `bench` command line: dispatches to subcommands, prints help and version,
/// and turns errors into the contract's one-line `bench: error: …` and status 2.
public enum BenchCommand {
    /// The version `bench --version` prints and results files record.
    public static let version = "0.1.0"

    /// Every subcommand, in the order `bench --help` lists them.
    static var subcommands: [any BenchSubcommand.Type] {
        [
            DefaultCommand.self,
            RunCommand.self,
            CompareCommand.self,
            ABCommand.self,
            ListCommand.self,
            BaselineSaveCommand.self,
            BaselineRecordCommand.self,
            BaselineShowCommand.self,
            ThresholdsCommand.self,
            ExportCommand.self,
            AlertsCommand.self,
            DashboardCommand.self,
            ServeCommand.self,
            TrendCommand.self,
            WorkerModeCommand.self,
            APIBenchmarkCommand.self,
            ScrapeBenchmarkCommand.self,
            CalibrateCommand.self,
            CapacityCommand.self,
        ]
    }

    /// Runs `bench` with `arguments` (without the program name) using the process's streams.
    public static func main(arguments: [String], environment: [String: String], executablePath: String) async -> Int32 {
        let context = CommandContext(
            standardOutput: .standardOutput, standardError: .standardError, environment: environment,
            executablePath: executablePath
        )
        return await run(arguments, context: context).rawValue
    }

    /// Runs `bench` with `arguments` in `context`; tests call this directly.
    package static func run(_ arguments: [String], context: CommandContext) async -> ExitStatus {
        if arguments.first == "--version" {
            context.standardOutput.write("bench \(version)\n")
            return .success
        }
        if arguments.first == "--help" || arguments.first == "-h" || arguments.first == "help" {
            context.standardOutput.write(rootHelp)
            return .success
        }
        let (command, rest) = select(arguments)
        if ObjectIdentifier(command) == ObjectIdentifier(UnknownCommand.self), let group = rest.first, let help = groupHelp(group) {
            // `bench baseline` (or `bench baseline --help`): the group's subcommands.
            if rest.count == 1 || ["--help", "-h"].contains(rest[1]) {
                context.standardOutput.write(help)
                return .success
            }
            let names = subcommands.filter { $0.spec.path.count > 1 && $0.spec.path[0] == group }.map { $0.spec.path[1] }
            context.standardError.write(
                "bench: error: unknown subcommand \"\(group) \(rest[1])\"; `bench \(group)` has \(names.joined(separator: ", "))\n"
            )
            return .failure
        }
        do {
            if ObjectIdentifier(command) == ObjectIdentifier(UnknownCommand.self) {
                throw UsageError("unknown subcommand \"\(rest.first ?? "")\"", command: "bench")
            }
            let parsed = try ArgumentParser.parse(rest, for: command.spec)
            if parsed.wantsHelp {
                context.standardOutput.write(HelpFormatter.help(for: command.spec))
                return .success
            }
            return try await command.run(parsed, context: context)
        } catch {
            context.standardError.write("bench: error: \(oneLine(error))\n")
            return .failure
        }
    }

    /// The subcommand named by the leading words of `arguments`, and the arguments left.
    private static func select(_ arguments: [String]) -> (any BenchSubcommand.Type, [String]) {
        var best: (any BenchSubcommand.Type, Int) = (DefaultCommand.self, 0)
        for command in subcommands where !command.spec.path.isEmpty {
            let path = command.spec.path
            if arguments.count >= path.count, Array(arguments.prefix(path.count)) == path, path.count > best.1 {
                best = (command, path.count)
            }
        }
        if best.1 == 0, let first = arguments.first, !first.hasPrefix("-") {
            return (UnknownCommand.self, arguments)
        }
        return (best.0, Array(arguments.dropFirst(best.1)))
    }

    /// The error's description on a single line.
    static func oneLine(_ error: any Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The help of a command group such as `baseline` (the first word of several subcommands), or nil.
    static func groupHelp(_ group: String) -> String? {
        let members = subcommands.filter { $0.spec.path.count > 1 && $0.spec.path[0] == group }
        guard !members.isEmpty else { return nil }
        var lines = ["USAGE: bench \(group) <subcommand> [options]", "", "SUBCOMMANDS:"]
        for command in members {
            lines.append("  " + command.spec.path.joined(separator: " ").padding(to: 20) + command.spec.abstract)
        }
        lines += ["", "See `bench \(group) <subcommand> --help` for each.", ""]
        return lines.joined(separator: "\n")
    }

    static var rootHelp: String {
        var lines = [
            "bench: PerfGate, a performance-regression gate for a multi-agent system.",
            "",
            "USAGE: bench [<subcommand>] [options]",
            "",
            "With no subcommand, runs the default suite and compares it with baselines/default.json.",
            "",
            "SUBCOMMANDS:",
        ]
        for command in subcommands where !command.spec.path.isEmpty && !command.spec.path[0].hasPrefix("__") {
            let name = command.spec.path.joined(separator: " ")
            lines.append("  " + name.padding(to: 20) + command.spec.abstract)
        }
        lines += ["", "See `bench <subcommand> --help` for each; `bench --version` prints the version.", ""]
        return lines.joined(separator: "\n")
    }
}

/// Stands for a first word that names no subcommand; `run` reports it as a usage error.
enum UnknownCommand: BenchSubcommand {
    static let spec = CommandSpec(path: [], abstract: "")
    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitStatus {
        throw UsageError("unknown subcommand", command: "bench")
    }
}

extension String {
    /// The string padded with spaces to `width` characters (never truncated).
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
