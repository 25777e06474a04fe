import Glibc
import PerfGateAgents
import PerfGateHTTP

extension AgentService {
    /// `GET /api/v1/health`: `{"status":"ok","agents":N,"maxAgents":M,"model":"light"}`.
    func health() -> HTTPResponse {
        var json = JSONText(capacity: 80)
        json.beginObject()
        json.key("status")
        json.string("ok")
        json.key("agents")
        json.integer(registry.count)
        json.key("maxAgents")
        json.integer(registry.maxAgents)
        json.key("model")
        json.string(Self.modelName(registry.model))
        json.endObject()
        return Self.jsonResponse(status: 200, json)
    }

    /// `POST /api/v1/agents` with `{}` (or an empty body) or `{"seed": N}`: 201 and the agent's description.
    func createAgent(_ request: HTTPRequest) -> HTTPResponse {
        let seed: UInt64?
        do throws(APIError) {
            let body = try RequestBody(request.body, allowsEmpty: true, fields: ["seed"])
            seed = try body.integer("seed", in: 0...AgentService.maxSeed).map { UInt64($0) }
        } catch {
            return error.response
        }
        let record: AgentRecord
        do throws(AgentRegistry.Refusal) {
            record = try registry.create(seed: seed)
        } catch {
            switch error {
            case .full(let maxAgents):
                return APIError(
                    status: 503,
                    code: "agent_limit_reached",
                    message:
                        "this server holds at most \(maxAgents) agents; delete one (DELETE /api/v1/agents/{id}) first"
                ).response
            }
        }
        let model = registry.model
        var json = JSONText(capacity: 160)
        json.beginObject()
        json.key("id")
        json.integer(record.id)
        json.key("seed")
        json.integer(Int(record.seed))  // Below 2^53: given within maxSeed, or derived with 53 bits.
        Self.writeModel(model, into: &json)
        json.endObject()
        var response = Self.jsonResponse(status: 201, json)
        response.headers.add(name: "Location", value: "/api/v1/agents/\(record.id)")
        return response
    }

    /// `POST /api/v1/agents/{id}/step` with `{"observation": o, "action": a}` (`action` optional: the
    /// agent's last chosen action): updates the belief, plans, and answers with the chosen action.
    func step(_ request: HTTPRequest) -> HTTPResponse {
        let model = registry.model
        let record: AgentRecord
        let observation: Int
        let action: Int?
        do throws(APIError) {
            record = try agentRecord(request)
            let body = try RequestBody(request.body, allowsEmpty: false, fields: ["observation", "action"])
            guard let value = try body.integer("observation", in: 0...(model.observations - 1)) else {
                throw .invalidField(
                    "missing required field \"observation\" (an integer from 0 to \(model.observations - 1))"
                )
            }
            observation = value
            action = try body.integer("action", in: 0...(model.actions - 1))
        } catch {
            return error.response
        }
        let outcome = record.withState { state in
            let step = state.agent.step(observation: observation, previousAction: action ?? state.lastAction)
            state.steps += 1
            state.lastAction = step.action
            return (step, state.steps, BeliefSummary(state.agent.belief))
        }
        observer?.beliefUpdated(count: 1)
        var json = JSONText(capacity: 320)
        json.beginObject()
        json.key("id")
        json.integer(record.id)
        json.key("step")
        json.integer(outcome.1)
        json.key("action")
        json.integer(outcome.0.action)
        json.key("policy")
        json.integers(outcome.0.policy)
        json.key("expectedFreeEnergy")
        json.number(outcome.0.expectedFreeEnergy)
        json.key("policiesEvaluated")
        json.integer(outcome.0.policiesEvaluated)
        json.key("belief")
        outcome.2.write(into: &json)
        json.endObject()
        return Self.jsonResponse(status: 200, json)
    }

    /// `GET /api/v1/agents/{id}`: the agent's description, step count and full belief (S probabilities).
    func agent(_ request: HTTPRequest) -> HTTPResponse {
        let record: AgentRecord
        do throws(APIError) {
            record = try agentRecord(request)
        } catch {
            return error.response
        }
        let (belief, steps, lastAction) = record.withState { ($0.agent.belief, $0.steps, $0.lastAction) }
        var json = JSONText(capacity: 64 + 24 * belief.count)
        json.beginObject()
        json.key("id")
        json.integer(record.id)
        json.key("steps")
        json.integer(steps)
        json.key("lastAction")
        json.integer(lastAction)
        Self.writeModel(registry.model, into: &json)
        json.key("summary")
        BeliefSummary(belief).write(into: &json)
        json.key("belief")
        json.numbers(belief)
        json.endObject()
        return Self.jsonResponse(status: 200, json)
    }

    /// `DELETE /api/v1/agents/{id}`: 204, or 404 when there is no such agent.
    func deleteAgent(_ request: HTTPRequest) -> HTTPResponse {
        do throws(APIError) {
            let record = try agentRecord(request)
            guard registry.remove(id: record.id) else {
                throw APIError.agentNotFound(request.pathParameters["id"] ?? "")
            }
        } catch {
            return error.response
        }
        return HTTPResponse(status: 204)
    }

    /// The agent the `{id}` path segment names, or a 404.
    private func agentRecord(_ request: HTTPRequest) throws(APIError) -> AgentRecord {
        let text = request.pathParameters["id"] ?? ""
        guard let id = Int(text), id > 0, let record = registry.record(id: id) else { throw .agentNotFound(text) }
        return record
    }

    private static func writeModel(_ model: AgentModelSize, into json: inout JSONText) {
        json.key("model")
        json.string(modelName(model))
        json.key("states")
        json.integer(model.states)
        json.key("observations")
        json.integer(model.observations)
        json.key("actions")
        json.integer(model.actions)
        json.key("horizon")
        json.integer(model.horizon)
    }

    static func jsonResponse(status: Int, _ json: JSONText) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: json.bytes)
    }
}

/// A short description of a belief: the most probable state, its probability, and the entropy.
struct BeliefSummary: Sendable {
    var mostLikelyState = 0
    var probability = 0.0
    /// Shannon entropy in nats, −Σ q log q (terms with q = 0 count 0).
    var entropy = 0.0

    init(_ belief: [Double]) {
        for (state, value) in belief.enumerated() {
            if value > probability {
                probability = value
                mostLikelyState = state
            }
            if value > 0 { entropy -= value * Glibc.log(value) }
        }
    }

    func write(into json: inout JSONText) {
        json.beginObject()
        json.key("mostLikelyState")
        json.integer(mostLikelyState)
        json.key("probability")
        json.number(probability)
        json.key("entropyNats")
        json.number(entropy)
        json.endObject()
    }
}
