import Foundation
import Testing

@testable import PerfGateCommands

/// `bench ab` up to the point where it would build: arguments and revisions. (The builds and the
/// interleaved runs take minutes; `.ci/checks/workflows.sh` and the README report them run by hand.)
struct ABCommandTests {
    private static let hasGit = FileManager.default.isExecutableFile(atPath: "/usr/bin/git")

    @Test(arguments: [
        (["ab"], "missing --base"),
        (["ab", "--base", "HEAD", "--rounds", "1"], "--rounds expects a whole number from 2"),
        (["ab", "--base", "HEAD", "--method", "median"], "median"),
        (["ab", "--base", "HEAD", "--report", "xml=out.xml"], "--report expects FORMAT=FILE"),
        (["ab", "--base", "HEAD", "--report", "json"], "--report expects FORMAT=FILE"),
        (["ab", "--base", "HEAD", "--inject-slowdown", "11"], "--inject-slowdown expects a number"),
        (["ab", "--base", "HEAD", "--inject-fault", "crash:x"], "--inject-fault is not available"),
        (["ab", "--base", "HEAD", "--filter", "nothing/*"], "no benchmark matches"),
    ])
    func badArgumentsAreStatusTwoWithOneErrorLine(arguments: [String], expected: String) async {
        let run = await runBench(arguments)
        #expect(run.status == .failure)
        #expect(run.standardError.hasPrefix("bench: error: "), "\(run.standardError)")
        #expect(run.standardError.contains(expected), "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1, "\(run.standardError)")
    }

    @Test(.enabled(if: hasGit, "git not installed"), arguments: ["base", "head"])
    func anUnknownRevisionIsStatusTwoNamingTheOption(side: String) async {
        var arguments = ["ab", "--base", "HEAD", "--filter", "belief/update"]
        arguments += ["--\(side)", "no-such-revision-\(side)"]
        let run = await runBench(arguments)
        #expect(run.status == .failure)
        #expect(run.standardError.split(separator: "\n").count == 1, "\(run.standardError)")
        // Outside a clone (a source tarball) the error says so instead; both are one line, status 2.
        let namesRevision = run.standardError.contains("--\(side) no-such-revision-\(side): no such commit")
        #expect(namesRevision || run.standardError.contains("not inside a git repository"), "\(run.standardError)")
    }

    @Test func aRevisionThatLooksLikeAnOptionIsRejected() async {
        let run = await runBench(["ab", "--base=-x"])
        #expect(run.status == .failure)
        #expect(run.standardError.hasPrefix("bench: error: "))
    }

    @Test func helpListsTheABOptions() async {
        let run = await runBench(["ab", "--help"])
        #expect(run.status == .success)
        for option in ["--base", "--head", "--rounds", "--method", "--report", "--results-dir", "--inject-slowdown"] {
            #expect(run.standardOutput.contains(option), "\(option)")
        }
        #expect(!run.standardOutput.contains("--inject-fault"))
    }

    @Test func childrenGetTheSharedRunOptionsAndOnlyTheHeadGetsTheInjection() throws {
        let parsed = try ArgumentParser.parse(
            ["--base", "main", "--agents", "1,10", "--inject-slowdown", "0.1", "--samples", "4"], for: ABCommand.spec
        )
        let options = try ABOptions(parsed)
        #expect(options.childArguments == ["--suite", "default", "--seed", "42", "--samples", "4", "--agents", "1,10"])
        #expect(options.headOnlyArguments == ["--inject-slowdown", "0.1"])
        #expect(options.rounds == ABOptions.defaultRounds)
        #expect(options.method == .paired)
    }

    @Test func reportOptionsParseFormatAndPath() throws {
        let report = try ABOptions.parseReport("junit=out/junit.xml")
        #expect(report.format == .junit)
        #expect(report.path == "out/junit.xml")
        #expect(try ABOptions.parseReport("json=a=b.json").path == "a=b.json")
    }
}
