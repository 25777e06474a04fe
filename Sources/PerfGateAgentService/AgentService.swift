public import PerfGateAgents
public import PerfGateHTTP

/// The simulated agents behind an HTTP API, as the user's own service would serve them.
///
/// Routes (bodies are JSON; docs/http-api.md shows every shape):
///
/// | method and path | does | success |
/// | --- | --- | --- |
/// | `GET /api/v1/health` | liveness and agent count | 200 |
/// | `POST /api/v1/agents` | creates an agent (`{}` or `{"seed": 7}`) | 201 + `Location` |
/// | `POST /api/v1/agents/{id}/step` | `{"observation": 3, "action": 1}`: belief update, then planning | 200 |
/// | `GET /api/v1/agents/{id}` | the agent's full belief | 200 |
/// | `DELETE /api/v1/agents/{id}` | removes the agent | 204 |
///
/// Errors use PerfGateHTTP's stable shape `{"error":{"status":…,"code":"…","message":"…"}}`:
/// 400 `invalid_json` (not a flat JSON object), 400 `unknown_field`, 400 `invalid_field` (missing,
/// wrong type or out of range), 404 `agent_not_found`, 404 `not_found` (no such path),
/// 405 `method_not_allowed` with `Allow`, 503 `agent_limit_reached` (the cap, see
/// ``Configuration/maxAgents``); the server itself adds 411, 413, 414, 431, 501 and 505.
///
/// A step is real work: the agent's Bayesian belief update (O(S²)) and expected-free-energy planning
/// over its policies, on the event-loop thread that received the request (about 50 µs for `light`
/// agents in a release build).
public final class AgentService: Sendable {
    /// What the service serves.
    public struct Configuration: Sendable {
        /// The generative model size of every agent.
        public var model: AgentModelSize
        /// The most agents at once; a create past it gets 503 `agent_limit_reached`.
        public var maxAgents: Int
        /// Seeds the agents created without a `seed` (each derives its own from this and its id).
        public var seed: UInt64

        /// Creates a configuration.
        /// - Parameters:
        ///   - model: model size (default `.light`).
        ///   - maxAgents: the cap; nil gives ``defaultMaxAgents(for:)``.
        ///   - seed: default 42.
        public init(model: AgentModelSize = .light, maxAgents: Int? = nil, seed: UInt64 = 42) {
            self.model = model
            self.maxAgents = maxAgents ?? Self.defaultMaxAgents(for: model)
            self.seed = seed
        }

        /// The default cap: about 2 GiB of models, at least 16 and at most 4,096 agents
        /// (`light`, 169 KiB each: 4,096; `production`, 24.5 MiB each: 83).
        public static func defaultMaxAgents(for model: AgentModelSize) -> Int {
            let budget = 2 << 30
            return min(4096, max(16, budget / max(1, model.estimatedModelBytes)))
        }
    }

    /// The largest `seed` a create accepts: 2^53 − 1, so every JSON reader holds it exactly.
    public static let maxSeed = (1 << 53) - 1

    /// The agents.
    public let registry: AgentRegistry
    /// Told about every routed request and belief update (live metrics), or nil.
    public let observer: (any APIRequestObserver)?

    /// Creates a service with no agents.
    /// - Parameter observer: told about requests and belief updates (see ``APIRequestObserver``).
    public init(configuration: Configuration = Configuration(), observer: (any APIRequestObserver)? = nil) {
        registry = AgentRegistry(
            model: configuration.model,
            maxAgents: configuration.maxAgents,
            seed: configuration.seed
        )
        self.observer = observer
    }

    /// The router with the five routes; unmatched paths get 404 and wrong methods 405 with `Allow`.
    /// With an ``observer``, each route's handler is timed and reported under its template.
    public func makeRouter() -> HTTPRouter {
        var router = HTTPRouter()
        add(.get, "/api/v1/health", to: &router) { [self] _ in health() }
        add(.post, "/api/v1/agents", to: &router) { [self] request in createAgent(request) }
        add(.post, "/api/v1/agents/{id}/step", to: &router) { [self] request in step(request) }
        add(.get, "/api/v1/agents/{id}", to: &router) { [self] request in agent(request) }
        add(.delete, "/api/v1/agents/{id}", to: &router) { [self] request in deleteAgent(request) }
        return router
    }

    /// A handler for ``HTTPServer`` that routes through ``makeRouter()``; with an ``observer``, requests
    /// no route answers (404, 405) are reported as route `unmatched`.
    public func makeHandler() -> HTTPHandler {
        let router = makeRouter()
        guard let observer else { return router.makeHandler() }
        return { request in
            if case .found(let handler, let parameters) = router.match(method: request.method, path: request.path) {
                var routed = request
                routed.pathParameters = parameters
                return try handler(routed)  // Timed and reported by its route wrapper.
            }
            let start = MonotonicClock.nanoseconds()
            let response = try router.respond(to: request)
            observer.requestFinished(
                route: "unmatched",
                method: request.method,
                status: response.status,
                seconds: Double(MonotonicClock.nanoseconds() &- start) / 1e9
            )
            return response
        }
    }

    /// Adds a route whose handler, with an ``observer``, is timed and reported under `pattern`.
    private func add(
        _ method: HTTPMethod,
        _ pattern: String,
        to router: inout HTTPRouter,
        _ handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) {
        guard let observer else {
            router.add(method, pattern, handler)
            return
        }
        router.add(method, pattern) { request in
            let start = MonotonicClock.nanoseconds()
            let response = handler(request)
            observer.requestFinished(
                route: pattern,
                method: method,
                status: response.status,
                seconds: Double(MonotonicClock.nanoseconds() &- start) / 1e9
            )
            return response
        }
    }

    /// The name of a model size as the API reports it: `light`, `production`, or `custom`.
    public static func modelName(_ model: AgentModelSize) -> String {
        switch model {
        case .light: "light"
        case .production: "production"
        default: "custom"
        }
    }
}
