import Testing

@testable import PerfGateCommands

struct ArgumentParserTests {
    private let spec = CommandSpec(
        path: ["demo"], abstract: "Demo.",
        options: [
            SharedOptions.format(["text", "json"]), SharedOptions.output, SharedOptions.quiet, SharedOptions.samples,
            SharedOptions.agents,
        ],
        positionals: [PositionalSpec("input", help: "Input."), PositionalSpec("extra", help: "Extra.", optional: true)]
    )

    @Test func optionsTakeValuesWithASpaceOrAnEqualsSign() throws {
        let parsed = try ArgumentParser.parse(["--format", "json", "--output=out.txt", "in.json"], for: spec)
        #expect(parsed.value("format") == "json")
        #expect(parsed.value("output") == "out.txt")
        #expect(parsed.positionals == ["in.json"])
    }

    @Test func flagsAndShortNamesAreRecognised() throws {
        let parsed = try ArgumentParser.parse(["-q", "-o", "-", "in.json"], for: spec)
        #expect(parsed.flag("quiet"))
        #expect(parsed.value("output") == "-")
    }

    @Test func aDoubleDashMakesTheRestPositional() throws {
        let parsed = try ArgumentParser.parse(["--", "--format"], for: spec)
        #expect(parsed.positionals == ["--format"])
    }

    @Test func anUnknownOptionSuggestsTheClosestOne() {
        #expect {
            try ArgumentParser.parse(["--fromat", "json", "x"], for: spec)
        } throws: { error in
            String(describing: error).contains("unknown option --fromat; did you mean --format?")
        }
    }

    @Test func aMissingPositionalIsNamed() {
        #expect {
            try ArgumentParser.parse([], for: spec)
        } throws: { error in
            String(describing: error).contains("missing input")
        }
    }

    @Test func agentCountsAreParsedAndValidated() throws {
        let parsed = try ArgumentParser.parse(["--agents", "1,10, 25,50", "x"], for: spec)
        #expect(try parsed.counts("agents") == [1, 10, 25, 50])
        let bad = try ArgumentParser.parse(["--agents", "1,,x", "x"], for: spec)
        #expect(throws: UsageError.self) { try bad.counts("agents") }
    }

    @Test func helpIsGeneratedFromTheDeclarations() {
        let help = HelpFormatter.help(for: spec)
        #expect(help.contains("USAGE: bench demo [options] <input> [<extra>]"))
        #expect(help.contains("--format <FORMAT>"))
        #expect(help.contains("(text|json)"))
        #expect(help.contains("-q, --quiet"))
    }
}
