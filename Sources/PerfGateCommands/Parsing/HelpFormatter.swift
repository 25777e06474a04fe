/// Renders `--help` text from a command's declaration, so help never drifts from parsing.
package enum HelpFormatter {
    /// The full help of `spec`: abstract, usage, positionals, options, discussion.
    package static func help(for spec: CommandSpec) -> String {
        var lines = [spec.abstract, "", "USAGE: \(usage(for: spec))"]
        if !spec.positionals.isEmpty {
            lines += ["", "ARGUMENTS:"]
            lines += spec.positionals.map { row("<\($0.name)>", $0.help) }
        }
        let visible = spec.options.filter { !$0.isHidden }
        lines += ["", "OPTIONS:"]
        lines += visible.map { row(signature(of: $0), describe($0)) }
        lines.append(row("-h, --help", "Show help information."))
        if !spec.discussion.isEmpty { lines += ["", spec.discussion] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `bench compare [--format FORMAT] <baseline> <candidate>` style usage line.
    package static func usage(for spec: CommandSpec) -> String {
        var parts = [spec.commandName]
        if spec.options.contains(where: { !$0.isHidden }) { parts.append("[options]") }
        for positional in spec.positionals {
            let name = "<\(positional.name)>" + (positional.isRepeating ? " ..." : "")
            parts.append(positional.isOptional ? "[\(name)]" : name)
        }
        return parts.joined(separator: " ")
    }

    private static func signature(of option: OptionSpec) -> String {
        let short = option.shortName.map { "-\($0), " } ?? ""
        let value = option.valueName.map { " <\($0)>" } ?? ""
        return "\(short)--\(option.name)\(value)"
    }

    private static func describe(_ option: OptionSpec) -> String {
        guard let allowed = option.allowedValues else { return option.help }
        return "\(option.help) (\(allowed.joined(separator: "|")))"
    }

    private static func row(_ left: String, _ right: String) -> String {
        let padded = left.count < 28 ? left + String(repeating: " ", count: 28 - left.count) : left + "\n" + String(repeating: " ", count: 30)
        return "  \(padded)\(right)"
    }
}
