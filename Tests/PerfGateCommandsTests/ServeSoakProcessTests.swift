import Foundation
import PerfGateHTTP
import Testing

/// The `bench` built with the tests (next to the test bundle, or `.build/debug/bench`), or nil.
private let benchExecutable: String? = {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    return [folder + "/bench", ".build/debug/bench"].first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// `bench serve --soak` as a user runs it: a process, a scrape, SIGTERM, then its trace and JSON logs.
@Suite(.enabled(if: benchExecutable != nil, "the bench executable is not built next to the tests"))
struct ServeSoakProcessTests {
    @Test func aSoakServesMetricsStopsOnSIGTERMAndLeavesAJoinedTraceAndLog() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("perfgate-soak-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tracePath = folder.appendingPathComponent("trace.json").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(benchExecutable))
        process.arguments = [
            "serve", "--soak", "--agents", "10", "--listen", "127.0.0.1:0", "--trace", tracePath,
            "--trace-rounds", "3", "--log-format", "json",
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let line = try #require(Self.readLine(output.fileHandleForReading))
        let port = try #require(UInt16(line.replacingOccurrences(of: "listening on http://127.0.0.1:", with: "")))
        let client = try HTTPClient(endpoint: HTTPEndpoint(host: "127.0.0.1", port: port), timeout: .seconds(10))
        var rounds = 0.0
        for _ in 0..<200 where rounds < 3 {  // Until the soak has done its traced rounds.
            let body = try client.send(HTTPClientRequest(path: "/metrics")).bodyText
            rounds =
                body.split(separator: "\n").first { $0.hasPrefix("agent_coordination_requests_total ") }
                .flatMap { Double($0.split(separator: " ")[1]) } ?? 0
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(rounds >= 3)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let spans = try Self.spans(in: tracePath)
        let roots = spans.filter { $0["parentSpanId"] == nil }
        #expect(roots.count == 3)
        for root in roots {
            let children = spans.filter { $0["parentSpanId"] as? String == root["spanId"] as? String }
            #expect(children.filter { $0["name"] as? String == "coordination.bid" }.count == 10)
            #expect(children.count == 13)
        }
        let logLines = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n")
        let logs = try logLines.map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let rootIDs = Set(roots.compactMap { $0["spanId"] as? String })
        #expect(logs.filter { ($0["span_id"] as? String).map(rootIDs.contains) == true }.count == 3)
        #expect(logs.allSatisfy { $0["ts"] is String && $0["level"] is String && $0["correlation_id"] is String })
    }

    static func spans(in path: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let resource = try #require(((object as? [String: Any])?["resourceSpans"] as? [[String: Any]])?.first)
        let scope = try #require((resource["scopeSpans"] as? [[String: Any]])?.first)
        return try #require(scope["spans"] as? [[String: Any]])
    }

    /// One line from `handle` (without the newline), or nil at end of file.
    static func readLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1), let first = byte.first {
            if first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(first)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
