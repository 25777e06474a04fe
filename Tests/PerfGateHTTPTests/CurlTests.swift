import Glibc
import Testing

@testable import PerfGateHTTP

/// The server driven by an independent client, curl, when it is installed.
@Suite(.enabled(if: SocketTest.isOnPath("curl"), "curl not installed"))
struct CurlTests {
    /// Runs curl with `arguments` (posix_spawn, stdout through a pipe, stderr discarded); returns its
    /// standard output. curl's own exit status must be 0.
    static func curl(_ arguments: [String]) throws -> String {
        let argv = ["curl", "--silent", "--show-error", "--max-time", "10"] + arguments
        var pipeEnds: [Int32] = [0, 0]
        try #require(pipe(&pipeEnds) == 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "curl", &actions, nil, &cArguments, environ)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        try #require(spawned == 0, "posix_spawnp curl failed: \(spawned)")
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            output.append(contentsOf: buffer[0..<count])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        try #require(status == 0, "curl \(arguments) exited with wait status \(status)")
        return String(decoding: output, as: UTF8.self)
    }

    static func withServer(_ body: (HTTPServer, String) throws -> Void) throws {
        try SocketTest.run {
            let server = try HTTPServer(
                configuration: SocketTest.configuration(),
                handler: HTTPDemoService.makeRouter().makeHandler()
            )
            defer { server.shutdown() }
            try body(server, "http://127.0.0.1:\(server.boundPort)")
        }
    }

    @Test func curlGets200And404() throws {
        try Self.withServer { _, base in
            let found = try Self.curl(["-w", " %{http_code}", base + "/api/v1/health"])
            let missing = try Self.curl(["-o", "/dev/null", "-w", "%{http_code}", base + "/missing"])
            #expect(found == "{\"status\":\"ok\"} 200")
            #expect(missing == "404")
        }
    }

    @Test func curlGets405WithAllow() throws {
        try Self.withServer { _, base in
            let headers = try Self.curl([
                "-X", "PUT", "--data", "x", "-D", "-", "-o", "/dev/null", base + "/api/v1/health",
            ])
            #expect(headers.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
            #expect(headers.contains("Allow: GET, HEAD\r\n"))
        }
    }

    @Test func curlPostWithoutBodyGets411() throws {
        try Self.withServer { _, base in
            let status = try Self.curl(["-X", "POST", "-o", "/dev/null", "-w", "%{http_code}", base + "/api/v1/echo"])
            #expect(status == "411")
        }
    }

    @Test func curlBodyOverTheLimitGets413() throws {
        try Self.withServer { _, base in
            let path = "/tmp/perfgate-http-\(getpid()).bin"
            let file = try #require(fopen(path, "w"))
            fwrite([UInt8](repeating: 0x41, count: 5000), 1, 5000, file)
            fclose(file)
            defer { unlink(path) }
            let status = try Self.curl([
                "--data-binary", "@" + path, "-o", "/dev/null", "-w", "%{http_code}", base + "/api/v1/echo",
            ])
            #expect(status == "413")
        }
    }

    @Test func curlReusesOneConnectionForTwoRequests() throws {
        try Self.withServer { server, base in
            let body = try Self.curl([base + "/api/v1/items/1", base + "/api/v1/items/2"])
            #expect(body == "{\"id\":\"1\"}{\"id\":\"2\"}")
            #expect(server.statistics.connectionsAccepted == 1)
        }
    }
}
