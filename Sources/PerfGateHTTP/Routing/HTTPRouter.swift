/// A request handler: a synchronous function from request to response, run on a server event-loop
/// thread. Synchronous is the fastest shape (no task hop per request); keep handlers short, because a
/// connection's loop serves nothing else while its handler runs. A thrown error becomes a generic
/// 500 response whose body never shows the error.
public typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// A method-and-path router: patterns are `/`-separated segments, literal or `{name}` parameters.
///
/// ```swift
/// var router = HTTPRouter()
/// router.add(.get, "/api/v1/agents/{id}") { request in
///     .json("{\"id\":\"\(request.pathParameters["id"]!)\"}")
/// }
/// let server = try HTTPServer(handler: router.makeHandler())
/// ```
///
/// Unmatched paths get 404; a path that matches with another method gets 405 with `Allow`.
/// `HEAD` falls back to the `GET` route (the server omits the body). Routes are tried in the order
/// added; the first match wins. Trailing slashes are significant; the query is ignored.
public struct HTTPRouter: Sendable {
    /// The result of looking up a method and path.
    public enum Match {
        /// A route matched; the handler and the captured parameters.
        case found(HTTPHandler, parameters: [String: String])
        /// The path matched routes, none with this method; the methods that would match, sorted.
        case methodNotAllowed(allowed: [HTTPMethod])
        /// No route has this path.
        case notFound
    }

    private struct Route: Sendable {
        let method: HTTPMethod
        let segments: [Segment]
        let handler: HTTPHandler
    }

    private enum Segment: Sendable, Equatable {
        case literal(Substring)
        case parameter(String)
    }

    private var routes: [Route] = []

    /// Creates an empty router.
    public init() {}

    /// Adds a route.
    /// - Parameters:
    ///   - method: the method to match.
    ///   - pattern: a path starting with `/`, where a segment `{name}` captures one non-empty segment.
    ///   - handler: the handler; `request.pathParameters` holds the captures.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        precondition(pattern.hasPrefix("/"), "route pattern \(pattern) must start with /")
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { part in
            part.hasPrefix("{") && part.hasSuffix("}") && part.count > 2
                ? Segment.parameter(String(part.dropFirst().dropLast())) : Segment.literal(part)
        }
        routes.append(Route(method: method, segments: Array(segments), handler: handler))
    }

    /// Looks up `method` and `path` (without query).
    /// - Complexity: O(routes × segments).
    public func match(method: HTTPMethod, path: Substring) -> Match {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var allowed: Set<HTTPMethod> = []
        var headFallback: Match?
        for route in routes {
            guard let parameters = Self.captures(route.segments, parts) else { continue }
            if route.method == method { return .found(route.handler, parameters: parameters) }
            if method == .head, route.method == .get, headFallback == nil {
                headFallback = .found(route.handler, parameters: parameters)
            }
            allowed.insert(route.method)
        }
        if let headFallback { return headFallback }
        if allowed.isEmpty { return .notFound }
        if allowed.contains(.get) { allowed.insert(.head) }
        return .methodNotAllowed(allowed: allowed.sorted { $0.rawValue < $1.rawValue })
    }

    /// Routes `request`: the matched handler's response, or a JSON 404, or a JSON 405 with `Allow`.
    /// - Throws: whatever the matched handler throws.
    public func respond(to request: HTTPRequest) throws -> HTTPResponse {
        switch match(method: request.method, path: request.path) {
        case .found(let handler, let parameters):
            var routed = request
            routed.pathParameters = parameters
            return try handler(routed)
        case .methodNotAllowed(let allowed):
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            var response = HTTPResponse.error(
                status: 405,
                code: "method_not_allowed",
                message: "\(request.method) is not allowed here; use \(list)"
            )
            response.headers.add(name: "Allow", value: list)
            return response
        case .notFound:
            return .error(status: 404, code: "not_found", message: "no resource at this path")
        }
    }

    /// A handler that routes every request through this router (a snapshot of its routes).
    public func makeHandler() -> HTTPHandler {
        let router = self
        return { request in try router.respond(to: request) }
    }

    private static func captures(_ segments: [Segment], _ parts: ArraySlice<Substring>) -> [String: String]? {
        guard segments.count == parts.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text) where text == part: continue
            case .parameter(let name) where !part.isEmpty: parameters[name] = String(part)
            default: return nil
            }
        }
        return parameters
    }
}
