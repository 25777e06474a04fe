import Glibc
import PerfGateAgentService
import PerfGateAgents
import PerfGateHTTP
import Testing

/// A running agent service on 127.0.0.1 (kernel-chosen port), for one test.
struct ServiceFixture {
    let service: AgentService
    let server: HTTPServer
    var port: UInt16 { server.boundPort }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Runs `body` against a fresh server and checks that, once the server and the test's clients are
    /// closed, no socket of this process touches the server's port any more (no descriptor leak).
    ///
    /// Sockets are matched by port, not counted process-wide, because tests of other modules open and
    /// close sockets concurrently in the same process.
    static func run(
        maxAgents: Int = 64,
        eventLoops: Int = 1,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: (ServiceFixture) throws -> Void
    ) throws {
        let service = AgentService(configuration: .init(model: .light, maxAgents: maxAgents, seed: 7))
        let server = try HTTPServer(
            configuration: HTTPServer.Configuration(
                maxConnections: 256,
                eventLoopCount: eventLoops,
                placement: .unpinned,
                shutdownGracePeriod: .seconds(5),
                lingerTimeout: .milliseconds(300)
            ),
            handler: service.makeHandler()
        )
        let port = server.boundPort
        #expect(SocketCount.descriptors(onPort: port) >= 1, "the listener is open", sourceLocation: sourceLocation)
        do {
            try body(ServiceFixture(service: service, server: server))
        } catch {
            server.shutdown()
            throw error
        }
        server.shutdown()
        let left = SocketCount.descriptors(onPort: port)
        #expect(
            left == 0,
            "descriptor leak: \(left) sockets on port \(port) after shutdown",
            sourceLocation: sourceLocation
        )
    }

    /// A keep-alive client of this server.
    func makeClient() throws -> HTTPClient {
        try HTTPClient(endpoint: HTTPEndpoint(host: "127.0.0.1", port: port), timeout: .seconds(10))
    }
}

extension HTTPClient {
    /// Sends a request with a text body (JSON content type when there is a body).
    func send(_ method: HTTPMethod, _ path: String, _ body: String? = nil) throws -> HTTPClientResponse {
        try send(
            HTTPClientRequest(
                method: method,
                path: path,
                headers: body == nil ? [:] : ["Content-Type": "application/json"],
                body: Array((body ?? "").utf8)
            )
        )
    }
}

extension HTTPClientResponse {
    /// The body parsed as a flat JSON object (nested values make this nil).
    var object: FlatJSONObject? { try? FlatJSONObject(parsing: body) }

    /// The `error.code` of an error body, found by text (the error shape nests one object).
    var errorCode: String? {
        let text = bodyText
        guard text.hasPrefix("{\"error\":{"), let range = text.firstRange(of: "\"code\":\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// Counts this process's socket descriptors by the TCP port they use.
enum SocketCount {
    /// Open descriptors of this process whose TCP socket has `port` as local or remote port (from
    /// /proc/net/tcp, matched by inode with the `socket:[inode]` links of /proc/self/fd).
    static func descriptors(onPort port: UInt16) -> Int {
        let inodes = tcpInodes(port: port)
        guard let directory = opendir("/proc/self/fd") else { return -1 }
        defer { closedir(directory) }
        var count = 0
        var target = [CChar](repeating: 0, count: 64)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            let length = readlink("/proc/self/fd/\(name)", &target, target.count - 1)
            guard length > 0 else { continue }
            let link = String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("socket:["), inodes.contains(String(link.dropFirst(8).dropLast())) { count += 1 }
        }
        return count
    }

    private static func tcpInodes(port: UInt16) -> Set<String> {
        guard let file = fopen("/proc/net/tcp", "r") else { return [] }
        defer { fclose(file) }
        var inodes: Set<String> = []
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        let hexPort = String(port, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: 4 - hexPort.count) + hexPort
        while getline(&line, &capacity, file) > 0, let line {
            let fields = String(cString: line).split(separator: " ")
            guard fields.count > 9 else { continue }
            if fields[1].hasSuffix(":" + padded) || fields[2].hasSuffix(":" + padded), fields[9] != "0" {
                inodes.insert(String(fields[9]))
            }
        }
        return inodes
    }
}

/// Whether an executable named `name` is on PATH.
func isOnPath(_ name: String) -> Bool {
    guard let path = getenv("PATH").map({ String(cString: $0) }) else { return false }
    return path.split(separator: ":").contains { access("\($0)/\(name)", X_OK) == 0 }
}
