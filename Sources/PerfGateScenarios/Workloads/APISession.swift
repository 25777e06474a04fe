import PerfGateStatistics
import PerfGateAgentService
import PerfGateAgents
import PerfGateHTTP

/// What an `api/*` workload drives: an endpoint, the agents it created there, and the request shapes.
struct APISession: Sendable {
    /// Why a session could not be opened.
    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    let endpoint: HTTPEndpoint
    /// The target URL's path without a trailing `/` (empty for `/`), put before every request path.
    let prefix: String
    /// One agent id per connection (empty when the request shapes name no agent).
    let agentIDs: [String]
    /// The observation and action alphabets the agents reported (or the configured model's).
    let observations: Int
    let actions: Int
    let file: APIRequestFile?
    let seed: UInt64

    /// Connects to `endpoint` and creates `agentCount` agents with `POST /api/v1/agents` (unless the
    /// request file names none).
    /// - Throws: ``SetupError`` when the server does not answer or refuses to create an agent.
    static func open(endpoint: HTTPEndpoint, agentCount: Int, file: APIRequestFile?, seed: UInt64) throws -> APISession
    {
        let prefix = endpoint.path == "/" ? "" : String(endpoint.path.reversed().drop { $0 == "/" }.reversed())
        var ids: [String] = []
        var observations = AgentModelSize.light.observations
        var actions = AgentModelSize.light.actions
        if file?.usesAgents ?? true {
            let client = try HTTPClient(endpoint: endpoint, timeout: .seconds(30))
            for index in 0..<agentCount {
                let agentSeed = SplitMix64.derivedSeed(runSeed: seed, stream: index, purpose: 41) >> 12
                let response = try client.send(
                    HTTPClientRequest(
                        method: .post,
                        path: prefix + "/api/v1/agents",
                        headers: ["Content-Type": "application/json"],
                        body: Array("{\"seed\":\(agentSeed)}".utf8)
                    )
                )
                let created = try? FlatJSONObject(parsing: response.body)
                guard response.status == 201 || response.status == 200, let id = created.flatMap(Self.id) else {
                    throw SetupError(
                        description: "POST \(prefix)/api/v1/agents answered \(response.status) without an \"id\": "
                            + String(response.bodyText.prefix(200))
                    )
                }
                ids.append(id)
                if case .integer(let value)? = created?.members["observations"], value > 0 { observations = value }
                if case .integer(let value)? = created?.members["actions"], value > 0 { actions = value }
            }
        }
        return APISession(
            endpoint: endpoint,
            prefix: prefix,
            agentIDs: ids,
            observations: observations,
            actions: actions,
            file: file,
            seed: seed
        )
    }

    private static func id(_ object: FlatJSONObject) -> String? {
        switch object.members["id"] {
        case .integer(let value)?: String(value)
        case .string(let text)? where !text.isEmpty: text
        default: nil
        }
    }

    /// One measured run's load configuration.
    func configuration(
        mix: APIWorkload.Mix,
        connections: Int,
        limits: APIWorkload.Limits,
        isEmbedded: Bool
    ) -> HTTPLoadConfiguration {
        let requests = limits.requestsPerRun(connections)
        return HTTPLoadConfiguration(
            endpoint: endpoint,
            connections: connections,
            mode: .closedLoop(),
            duration: limits.runTimeLimit,
            maxRequests: requests,
            warmupRequestsPerConnection: limits.warmupRequestsPerConnection,
            makeRequest: makeRequestFunction(mix: mix),
            maxRawSamples: requests,
            placement: APIPlacement.clients(connections: connections, isEmbedded: isEmbedded)
        )
    }

    /// The request of connection `c`, number `k`.
    private func makeRequestFunction(mix: APIWorkload.Mix) -> @Sendable (Int, Int) -> HTTPClientRequest {
        let ids = agentIDs
        let prefix = prefix
        if let shapes = file?.requests {
            return { connection, sequence in
                var request = shapes[sequence % shapes.count]
                let id = ids.isEmpty ? "" : ids[connection % ids.count]
                request.path = prefix + request.path.replacing(APIRequestFile.agentPlaceholder, with: id)
                return request
            }
        }
        let (observations, actions, seed) = (observations, actions, seed)
        return { connection, sequence in
            let id = ids[connection % ids.count]
            if mix == .mixed {
                switch sequence % 10 {
                case 9: return HTTPClientRequest(path: prefix + "/api/v1/health")
                case 1, 3, 5, 7: return HTTPClientRequest(path: prefix + "/api/v1/agents/\(id)")
                default: break
                }
            }
            var generator = SplitMix64(seed: seed ^ UInt64(connection) << 40 ^ UInt64(sequence))
            let draw = generator.next()
            let body =
                "{\"observation\":\(Int(draw % UInt64(observations))),\"action\":\(Int((draw >> 32) % UInt64(actions)))}"
            return HTTPClientRequest(
                method: .post,
                path: prefix + "/api/v1/agents/\(id)/step",
                headers: ["Content-Type": "application/json"],
                body: Array(body.utf8)
            )
        }
    }

    /// Deletes the agents this session created (best effort: errors are ignored).
    func deleteAgents() {
        guard !agentIDs.isEmpty, let client = try? HTTPClient(endpoint: endpoint, timeout: .seconds(5)) else { return }
        for id in agentIDs {
            _ = try? client.send(HTTPClientRequest(method: .delete, path: prefix + "/api/v1/agents/\(id)"))
        }
    }
}
