/// Parses a command's arguments against its declaration.
///
/// Accepts `--name value`, `--name=value`, `-n value`, flags, `--` (everything after it is
/// positional), and `-h`/`--help`. `-` alone is a positional (standard input or output).
package enum ArgumentParser {
    /// Parses `arguments` (without the command words) for `spec`.
    /// - Throws: `UsageError` naming the unknown option, the missing value, the bad choice,
    ///   or the missing or extra positional.
    package static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        parsed.command = spec.commandName
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "--help" || argument == "-h" {
                parsed.wantsHelp = true
                continue
            }
            let (option, inlineValue) = try lookUp(argument, in: spec)
            if option.isFlag {
                guard inlineValue == nil else {
                    throw UsageError("\(argument) takes no value", command: spec.commandName)
                }
                parsed.flags.insert(option.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError("--\(option.name) needs a value (\(option.valueName ?? "VALUE"))", command: spec.commandName)
            }
            if let allowed = option.allowedValues, !allowed.contains(value) {
                throw UsageError(
                    "--\(option.name) must be one of \(allowed.joined(separator: ", ")), got \"\(value)\"",
                    command: spec.commandName
                )
            }
            parsed.values[option.name, default: []].append(value)
        }
        if !parsed.wantsHelp { try checkPositionals(parsed.positionals, spec: spec) }
        return parsed
    }

    private static func lookUp(_ argument: String, in spec: CommandSpec) throws(UsageError) -> (OptionSpec, String?) {
        var name = Substring(argument)
        var inlineValue: String?
        if let equals = name.firstIndex(of: "=") {
            inlineValue = String(name[name.index(after: equals)...])
            name = name[..<equals]
        }
        let option: OptionSpec?
        if name.hasPrefix("--") {
            let long = name.dropFirst(2)
            option = spec.options.first { $0.name == long }
        } else {
            let short = name.dropFirst()
            option = short.count == 1 ? spec.options.first { $0.shortName == short.first } : nil
        }
        guard let option else {
            throw UsageError("unknown option \(name)\(suggestion(for: String(name), in: spec))", command: spec.commandName)
        }
        return (option, inlineValue)
    }

    private static func checkPositionals(_ positionals: [String], spec: CommandSpec) throws(UsageError) {
        let required = spec.positionals.filter { !$0.isOptional }
        if positionals.count < required.count {
            let missing = required[positionals.count...].map(\.name).joined(separator: " ")
            throw UsageError("missing \(missing)", command: spec.commandName)
        }
        let repeating = spec.positionals.contains { $0.isRepeating }
        if !repeating && positionals.count > spec.positionals.count {
            let extra = positionals[spec.positionals.count...].joined(separator: " ")
            throw UsageError("unexpected argument \(extra)", command: spec.commandName)
        }
    }

    /// "; did you mean --format?" when an option is one edit or a prefix away.
    private static func suggestion(for name: String, in spec: CommandSpec) -> String {
        let typed = name.drop { $0 == "-" }
        let match = spec.options.filter { !$0.isHidden }.first { option in
            option.name.hasPrefix(typed) || editDistance(Array(option.name), Array(typed)) <= 2
        }
        return match.map { "; did you mean --\($0.name)?" } ?? ""
    }

    private static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        var previous = Array(0...rhs.count)
        for (i, left) in lhs.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: rhs.count)
            for (j, right) in rhs.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[rhs.count]
    }
}
