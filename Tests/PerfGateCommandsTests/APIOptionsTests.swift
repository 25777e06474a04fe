import Testing

@testable import PerfGateCommands

/// The command-line surface of the API work: `--target`, `--requests`, `bench serve` usage errors.
struct APIOptionsTests {
    @Test func aTargetThatIsNotAnHTTPURLIsAUsageError() async {
        let run = await runBench(["run", "--filter", "api/*", "--target", "ftp://127.0.0.1:21"])
        #expect(run.status == .failure)
        #expect(run.standardError.hasPrefix("bench: error: --target expects http://"))
        #expect(run.standardError.split(separator: "\n").count == 1)
    }

    @Test func aMissingRequestFileIsReportedBeforeAnythingRuns() async {
        let run = await runBench(["run", "--filter", "api/*", "--requests", "/nonexistent/requests.json"])
        #expect(run.status == .failure)
        #expect(run.standardError.hasPrefix("bench: error: /nonexistent/requests.json"))
    }

    @Test func targetAndRequestsArePassedToWorkers() throws {
        var parsed = ParsedArguments()
        parsed.values = ["target": ["http://127.0.0.1:9000"], "requests": ["shapes.json"]]
        let options = try RunOptions(parsed)
        let arguments = options.workerArguments
        #expect(arguments.contains("--target") && arguments.contains("http://127.0.0.1:9000"))
        #expect(arguments.contains("--requests") && arguments.contains("shapes.json"))
        #expect(options.workloadSettings.apiTarget == "http://127.0.0.1:9000")
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.1:99999", "example.com:80", "1.2.3:80"])
    func serveRejectsABadListenAddress(listen: String) async {
        let run = await runBench(["serve", "--listen", listen])
        #expect(run.status == .failure)
        #expect(run.standardError.hasPrefix("bench: error: --listen expects HOST:PORT"))
    }

    @Test func serveHelpListsItsOptions() async {
        let run = await runBench(["serve", "--help"])
        #expect(run.status == .success)
        for option in ["--listen", "--agents", "--model", "--max-agents", "--event-loops"] {
            #expect(run.standardOutput.contains(option))
        }
    }

    @Test func theHiddenBenchmarkCommandIsNotListed() async {
        let run = await runBench(["--help"])
        #expect(run.standardOutput.contains("serve"))
        #expect(!run.standardOutput.contains("__api-benchmark"))
    }
}
