import Foundation
import Testing

@testable import PerfGateCommands

struct RootCommandTests {
    @Test func versionIsPrinted() async {
        let run = await runBench(["--version"])
        #expect(run.status == .success)
        #expect(run.standardOutput == "bench \(BenchCommand.version)\n")
    }

    @Test func everySubcommandHasHelp() async {
        for command in BenchCommand.subcommands where !command.spec.path.isEmpty {
            let run = await runBench(command.spec.path + ["--help"])
            #expect(run.status == .success, "\(command.spec.path)")
            #expect(run.standardOutput.contains("USAGE: bench \(command.spec.path.joined(separator: " "))"))
        }
    }

    @Test func anUnknownSubcommandIsAUsageError() async {
        let run = await runBench(["frobnicate"])
        #expect(run.status == .failure)
        #expect(run.standardError == "bench: error: unknown subcommand \"frobnicate\" (see `bench --help`)\n")
    }

    @Test func aCommandGroupListsItsSubcommandsAndAnUnknownMemberIsAUsageError() async {
        let help = await runBench(["baseline", "--help"])
        #expect(help.status == .success)
        #expect(help.standardOutput.contains("baseline record"))
        #expect(help.standardOutput.hasPrefix("USAGE: bench baseline <subcommand>"))
        let unknown = await runBench(["baseline", "frob"])
        #expect(unknown.status == .failure)
        #expect(unknown.standardError == "bench: error: unknown subcommand \"baseline frob\"; `bench baseline` has save, record, show\n")
    }

    @Test func theReadmeThresholdsTableMatchesTheThresholdsFile() async throws {
        let run = await runBench(["thresholds", "--thresholds", thresholdsPath])
        let readmePath = URL(fileURLWithPath: thresholdsPath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let readme = try String(contentsOf: readmePath, encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- thresholds:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- thresholds:end -->"))
        let documented = String(readme[begin.upperBound..<end.lowerBound])
        #expect(documented == run.standardOutput, "README's thresholds table is stale: paste `swift run bench thresholds` between the markers")
    }
}
