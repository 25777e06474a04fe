/// The declaration of one command-line option; parsing and help text both come from it.
package struct OptionSpec: Sendable, Hashable {
    /// The long name without dashes (`format` for `--format`).
    package var name: String
    /// A one-letter alias without the dash (`o` for `-o`), if any.
    package var shortName: Character?
    /// The placeholder of the value in help (`FILE`), or nil for a flag that takes no value.
    package var valueName: String?
    /// One line of help.
    package var help: String
    /// Values the option accepts, if it is an enumeration (checked while parsing).
    package var allowedValues: [String]?
    /// Hidden from help (internal modes).
    package var isHidden: Bool

    package init(
        _ name: String, short: Character? = nil, value: String? = nil, help: String,
        allowed: [String]? = nil, hidden: Bool = false
    ) {
        self.name = name
        self.shortName = short
        self.valueName = value
        self.help = help
        self.allowedValues = allowed
        self.isHidden = hidden
    }

    /// Whether the option is a flag (takes no value).
    package var isFlag: Bool { valueName == nil }
}

/// A positional argument of a command.
package struct PositionalSpec: Sendable, Hashable {
    package var name: String
    package var help: String
    package var isOptional: Bool
    /// Whether it takes every remaining argument.
    package var isRepeating: Bool

    package init(_ name: String, help: String, optional: Bool = false, repeating: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = optional
        self.isRepeating = repeating
    }
}

/// The declaration of one command: its name, help, options and positionals.
package struct CommandSpec: Sendable {
    /// The words after `bench` (`["baseline", "save"]`).
    package var path: [String]
    /// One line: what the command does.
    package var abstract: String
    /// Paragraphs after the usage in `--help`.
    package var discussion: String
    package var options: [OptionSpec]
    package var positionals: [PositionalSpec]

    package init(
        path: [String], abstract: String, discussion: String = "", options: [OptionSpec] = [],
        positionals: [PositionalSpec] = []
    ) {
        self.path = path
        self.abstract = abstract
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
    }

    /// `bench compare` and so on.
    package var commandName: String { (["bench"] + path).joined(separator: " ") }
}
