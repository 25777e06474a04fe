import Dispatch
import PerfGateAgentService
import PerfGateAgents
import PerfGateHTTP
import Synchronization
import Testing

/// Every route of the agent API over real loopback sockets, with the package's own client.
struct AgentServiceTests {
    @Test func healthReportsTheAgentCountAndModel() throws {
        try ServiceFixture.run(maxAgents: 5) { fixture in
            try fixture.service.registry.create()
            let client = try fixture.makeClient()
            let response = try client.send(.get, "/api/v1/health")
            #expect(response.status == 200)
            #expect(response.bodyText == #"{"status":"ok","agents":1,"maxAgents":5,"model":"light"}"#)
        }
    }

    @Test func createAnswers201WithLocationAndTheModel() throws {
        try ServiceFixture.run { fixture in
            let client = try fixture.makeClient()
            let first = try client.send(.post, "/api/v1/agents", "{}")
            let second = try client.send(.post, "/api/v1/agents", #"{"seed": 11}"#)
            #expect(first.status == 201)
            #expect(first.headers["Location"] == "/api/v1/agents/1")
            #expect(first.object?.members["id"] == .integer(1))
            #expect(first.object?.members["states"] == .integer(64))
            #expect(second.object?.members["id"] == .integer(2))
            #expect(second.object?.members["seed"] == .integer(11))
            #expect(fixture.service.registry.count == 2)
        }
    }

    @Test func anEmptyCreateBodyCountsAsAnEmptyObject() throws {
        try ServiceFixture.run { fixture in
            let client = try fixture.makeClient()
            let response = try client.send(HTTPClientRequest(method: .post, path: "/api/v1/agents"))
            #expect(response.status == 201)
        }
    }

    @Test func aStepUpdatesTheBeliefAndChoosesAnActionInRange() throws {
        try ServiceFixture.run { fixture in
            let client = try fixture.makeClient()
            _ = try client.send(.post, "/api/v1/agents", "{}")
            let before = try client.send(.get, "/api/v1/agents/1").bodyText
            let step = try client.send(.post, "/api/v1/agents/1/step", #"{"observation": 3, "action": 1}"#)
            #expect(step.status == 200)
            let text = step.bodyText
            #expect(text.hasPrefix(#"{"id":1,"step":1,"action":"#))
            #expect(text.contains(#""policiesEvaluated":25"#))
            let after = try client.send(.get, "/api/v1/agents/1").bodyText
            #expect(before != after, "the belief changed")
            #expect(after.contains(#""steps":1"#))
            // Without "action", the agent's last chosen action is used: still a valid step.
            let next = try client.send(.post, "/api/v1/agents/1/step", #"{"observation": 0}"#)
            #expect(next.status == 200)
            #expect(next.bodyText.contains(#""step":2"#))
        }
    }

    @Test func theSameSeedAndObservationsGiveTheSameSteps() throws {
        try ServiceFixture.run { fixture in
            let client = try fixture.makeClient()
            _ = try client.send(.post, "/api/v1/agents", #"{"seed": 5}"#)
            _ = try client.send(.post, "/api/v1/agents", #"{"seed": 5}"#)
            for observation in [1, 4, 7, 2] {
                let body = "{\"observation\": \(observation), \"action\": 2}"
                let first = try client.send(.post, "/api/v1/agents/1/step", body).bodyText
                let second = try client.send(.post, "/api/v1/agents/2/step", body).bodyText
                #expect(first.replacing(#"{"id":1"#, with: "") == second.replacing(#"{"id":2"#, with: ""))
            }
        }
    }

    @Test func aReadReturnsTheFullBeliefSummingToOne() throws {
        try ServiceFixture.run { fixture in
            let client = try fixture.makeClient()
            _ = try client.send(.post, "/api/v1/agents", "{}")
            let text = try client.send(.get, "/api/v1/agents/1").bodyText
            let list = try #require(text.firstRange(of: #""belief":["#)).upperBound
            let numbers = text[list...].prefix { $0 != "]" }.split(separator: ",").compactMap { Double($0) }
            #expect(numbers.count == AgentModelSize.light.states)
            #expect(abs(numbers.reduce(0, +) - 1) < 1e-9)
        }
    }

    @Test func deleteAnswers204ThenTheAgentIsGone() throws {
        try ServiceFixture.run { fixture in
            let client = try fixture.makeClient()
            _ = try client.send(.post, "/api/v1/agents", "{}")
            #expect(try client.send(.delete, "/api/v1/agents/1").status == 204)
            #expect(try client.send(.get, "/api/v1/agents/1").errorCode == "agent_not_found")
            #expect(try client.send(.delete, "/api/v1/agents/1").status == 404)
            #expect(try client.send(.post, "/api/v1/agents/1/step", #"{"observation":1}"#).status == 404)
            #expect(fixture.service.registry.count == 0)
        }
    }

    @Test func createsPastTheCapGet503UntilOneIsDeleted() throws {
        try ServiceFixture.run(maxAgents: 2) { fixture in
            let client = try fixture.makeClient()
            #expect(try client.send(.post, "/api/v1/agents", "{}").status == 201)
            #expect(try client.send(.post, "/api/v1/agents", "{}").status == 201)
            let refused = try client.send(.post, "/api/v1/agents", "{}")
            #expect(refused.status == 503)
            #expect(refused.errorCode == "agent_limit_reached")
            #expect(try client.send(.delete, "/api/v1/agents/1").status == 204)
            #expect(try client.send(.post, "/api/v1/agents", "{}").object?.members["id"] == .integer(3))
        }
    }

    @Test(arguments: [
        ("POST", "/api/v1/agents/1/step", "{bad", 400, "invalid_json"),
        ("POST", "/api/v1/agents/1/step", "", 400, "invalid_json"),
        ("POST", "/api/v1/agents/1/step", "[1, 2]", 400, "invalid_json"),
        ("POST", "/api/v1/agents/1/step", #"{"observation": {"x": 1}}"#, 400, "invalid_json"),
        ("POST", "/api/v1/agents/1/step", #"{"observation": 1} trailing"#, 400, "invalid_json"),
        ("POST", "/api/v1/agents/1/step", #"{"obs": 1}"#, 400, "unknown_field"),
        ("POST", "/api/v1/agents/1/step", "{}", 400, "invalid_field"),
        ("POST", "/api/v1/agents/1/step", #"{"observation": "3"}"#, 400, "invalid_field"),
        ("POST", "/api/v1/agents/1/step", #"{"observation": 2.5}"#, 400, "invalid_field"),
        ("POST", "/api/v1/agents/1/step", #"{"observation": 8}"#, 400, "invalid_field"),
        ("POST", "/api/v1/agents/1/step", #"{"observation": -1}"#, 400, "invalid_field"),
        ("POST", "/api/v1/agents/1/step", #"{"observation": 1, "action": 5}"#, 400, "invalid_field"),
        ("POST", "/api/v1/agents", #"{"seed": -4}"#, 400, "invalid_field"),
        ("POST", "/api/v1/agents", #"{"name": "x"}"#, 400, "unknown_field"),
        ("POST", "/api/v1/agents/999/step", #"{"observation": 1}"#, 404, "agent_not_found"),
        ("POST", "/api/v1/agents/abc/step", #"{"observation": 1}"#, 404, "agent_not_found"),
        ("GET", "/api/v1/agents/0", "", 404, "agent_not_found"),
        ("GET", "/api/v1/agents/-1", "", 404, "agent_not_found"),
        ("GET", "/api/v1/agents/99999999999999999999", "", 404, "agent_not_found"),
        ("DELETE", "/api/v1/agents/2", "", 404, "agent_not_found"),
        ("GET", "/api/v1/nothing", "", 404, "not_found"),
        ("GET", "/api/v1/agents", "", 405, "method_not_allowed"),
        ("PUT", "/api/v1/agents/1", "{}", 405, "method_not_allowed"),
        ("POST", "/api/v1/health", "{}", 405, "method_not_allowed"),
    ])
    func badRequestsGetTheirStatusAndStableErrorCode(
        method: String,
        path: String,
        body: String,
        status: Int,
        code: String
    ) throws {
        try ServiceFixture.run { fixture in
            try fixture.service.registry.create()
            let client = try fixture.makeClient()
            let response = try client.send(
                HTTPClientRequest(method: HTTPMethod(rawValue: method), path: path, body: Array(body.utf8))
            )
            #expect(response.status == status)
            #expect(response.errorCode == code, "\(response.bodyText)")
            #expect(response.bodyText.hasPrefix("{\"error\":{\"status\":\(status),\"code\":\"\(code)\",\"message\":\""))
            if status == 405 { #expect(response.headers["Allow"] != nil) }
            // The agent is untouched by a refused step.
            #expect(try client.send(.get, "/api/v1/agents/1").bodyText.contains(#""steps":0"#))
        }
    }

    @Test func concurrentStepsOnTwoEventLoopsAreAllAnswered() throws {
        try ServiceFixture.run(eventLoops: 2) { fixture in
            for _ in 0..<4 { try fixture.service.registry.create() }
            let failures = Mutex(0)
            let port = fixture.port
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                guard let client = try? HTTPClient(endpoint: HTTPEndpoint(host: "127.0.0.1", port: port)) else {
                    return failures.withLock { $0 += 1 }
                }
                for step in 0..<50 {
                    let body = "{\"observation\": \(step % 8)}"
                    if (try? client.send(.post, "/api/v1/agents/\(index % 4 + 1)/step", body))?.status != 200 {
                        failures.withLock { $0 += 1 }
                    }
                }
            }
            #expect(failures.withLock { $0 } == 0)
            let client = try fixture.makeClient()
            for id in 1...4 {
                #expect(try client.send(.get, "/api/v1/agents/\(id)").bodyText.contains(#""steps":100"#))
            }
        }
    }
}
