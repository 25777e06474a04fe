import Glibc
import Testing

/// The agent API driven by an independent client, curl: every endpoint and every error status.
/// CI installs curl (`.ci/run`, `.ci/checks/api.sh`); without it these tests are skipped.
@Suite(.enabled(if: isOnPath("curl"), "curl not installed"))
struct AgentServiceCurlTests {
    /// Runs curl with `arguments`; returns its standard output (curl must exit 0).
    static func curl(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(["curl", "--silent", "--show-error", "--max-time", "10"] + arguments)
        try #require(result.status == 0, "curl \(arguments) exited with wait status \(result.status)")
        return result.output
    }

    /// `METHOD path [body]` → "STATUS BODY" as curl saw it.
    static func call(_ base: String, _ method: String, _ path: String, _ body: String? = nil) throws -> String {
        var arguments = ["-X", method, "-w", " %{http_code}", base + path]
        if let body { arguments += ["-H", "Content-Type: application/json", "--data-binary", body] }
        return try curl(arguments)
    }

    @Test func curlDrivesEveryEndpoint() throws {
        try ServiceFixture.run { fixture in
            let base = fixture.baseURL
            #expect(
                try Self.call(base, "GET", "/api/v1/health")
                    == #"{"status":"ok","agents":0,"maxAgents":64,"model":"light"} 200"#
            )
            #expect(try Self.call(base, "POST", "/api/v1/agents", #"{"seed": 3}"#).hasSuffix(" 201"))
            let step = try Self.call(base, "POST", "/api/v1/agents/1/step", #"{"observation": 2, "action": 0}"#)
            #expect(step.hasPrefix(#"{"id":1,"step":1,"action":"#) && step.hasSuffix(" 200"))
            #expect(try Self.call(base, "GET", "/api/v1/agents/1").contains(#""steps":1"#))
            #expect(try Self.call(base, "DELETE", "/api/v1/agents/1") == " 204")
        }
    }

    @Test(
        arguments: [
            ("POST", "/api/v1/agents/1/step", "{not json", "400", "invalid_json"),
            ("POST", "/api/v1/agents/1/step", #"{"observation": 1, "extra": 2}"#, "400", "unknown_field"),
            ("POST", "/api/v1/agents/1/step", #"{"observation": 99}"#, "400", "invalid_field"),
            ("POST", "/api/v1/agents/42/step", #"{"observation": 1}"#, "404", "agent_not_found"),
            ("GET", "/api/v1/agents/42", nil, "404", "agent_not_found"),
            ("DELETE", "/api/v1/agents/42", nil, "404", "agent_not_found"),
            ("GET", "/api/v2/health", nil, "404", "not_found"),
            ("PATCH", "/api/v1/agents/1", "{}", "405", "method_not_allowed"),
            ("POST", "/api/v1/agents", "{}", "503", "agent_limit_reached"),
        ] as [(String, String, String?, String, String)]
    )
    func curlSeesEachErrorStatusAndCode(
        method: String,
        path: String,
        body: String?,
        status: String,
        code: String
    ) throws {
        try ServiceFixture.run(maxAgents: 1) { fixture in
            try fixture.service.registry.create()
            let answer = try Self.call(fixture.baseURL, method, path, body)
            #expect(answer.hasSuffix(" " + status))
            #expect(answer.hasPrefix("{\"error\":{\"status\":\(status),\"code\":\"\(code)\""), "\(answer)")
        }
    }

    @Test func curlSees405WithAllowAnd411WithoutABody() throws {
        try ServiceFixture.run { fixture in
            let headers = try Self.curl(["-D", "-", "-o", "/dev/null", fixture.baseURL + "/api/v1/agents"])
            #expect(headers.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
            #expect(headers.contains("Allow: POST\r\n"))
            let status = try Self.curl([
                "-X", "POST", "-o", "/dev/null", "-w", "%{http_code}", fixture.baseURL + "/api/v1/agents",
            ])
            #expect(status == "411")
        }
    }
}
