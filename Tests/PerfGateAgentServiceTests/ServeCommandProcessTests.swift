import Glibc
import PerfGateHTTP
import Testing

/// `bench serve` as a user starts it: the built executable, a kernel-chosen port, SIGTERM to stop.
/// The `bench` built with the tests: next to the test bundle, or `.build/debug/bench`; nil when absent.
let builtBenchPath: String? = {
    let bundle = CommandLine.arguments[0]
    let folder = bundle.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    let candidates = [(folder.isEmpty ? "." : folder) + "/bench", ".build/debug/bench"]
    return candidates.first { access($0, X_OK) == 0 }
}()

@Suite(.enabled(if: builtBenchPath != nil, "the bench executable is not built next to the tests"))
struct ServeCommandProcessTests {
    static var benchPath: String? { builtBenchPath }

    @Test(arguments: [SIGTERM, SIGINT])
    func benchServeAnswersAndStopsWithStatus0OnASignal(signal: Int32) throws {
        let path = try #require(Self.benchPath)
        let process = try Subprocess([path, "serve", "--listen", "127.0.0.1:0", "--agents", "2"])
        var stopped = false
        defer {
            if !stopped {
                kill(process.pid, SIGKILL)
                _ = process.wait()
            }
        }
        let line = try #require(process.readLine(), "bench serve printed no line")
        let prefix = "listening on http://127.0.0.1:"
        #expect(line.hasPrefix(prefix))
        let port = try #require(UInt16(line.dropFirst(prefix.count)), "no port in \(line)")
        do {
            let client = try HTTPClient(endpoint: HTTPEndpoint(host: "127.0.0.1", port: port), timeout: .seconds(10))
            #expect(try client.send(.get, "/api/v1/health").bodyText.contains(#""agents":2"#))
            #expect(try client.send(.post, "/api/v1/agents/2/step", #"{"observation": 1}"#).status == 200)
        }
        kill(process.pid, signal)
        let status = process.wait()
        stopped = true
        #expect(status == 0, "wait status \(status): bench serve must exit 0 on signal \(signal)")
    }

    @Test func benchServeRefusesABadListenAddressWithStatus2() throws {
        let path = try #require(Self.benchPath)
        let result = try Subprocess.run([path, "serve", "--listen", "localhost"])
        #expect(result.status == 2 << 8)
    }
}
