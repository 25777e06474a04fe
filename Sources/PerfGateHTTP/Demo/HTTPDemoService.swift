/// A demonstration service for tests and benchmarks of the server itself, independent of any real API.
///
/// Routes:
/// - `GET /api/v1/health` → 200 `{"status":"ok"}` (the trivial handler for latency floors)
/// - `POST /api/v1/echo` → 200 with the request body echoed (any content type)
/// - `GET|DELETE /api/v1/items/{id}` → 200 `{"id":"…"}` / 204
/// - `GET /api/v1/fail` → the handler throws: a generic 500
/// - `GET /api/v1/wait` → calls `onWait` before answering (tests hold a request in flight with it)
public enum HTTPDemoService {
    /// The error the `/api/v1/fail` route throws; its text must never reach the client.
    public struct DeliberateFailure: Error, Sendable, CustomStringConvertible {
        /// Internal detail that the 500 response must not leak.
        public var description: String { "secret internal detail: /etc/passwd" }
    }

    /// The demo router.
    /// - Parameter onWait: run by `GET /api/v1/wait` before it answers (default: nothing).
    public static func makeRouter(onWait: @escaping @Sendable () -> Void = {}) -> HTTPRouter {
        var router = HTTPRouter()
        router.add(.get, "/api/v1/health") { _ in .json("{\"status\":\"ok\"}") }
        router.add(.post, "/api/v1/echo") { request in
            HTTPResponse(status: 200, headers: ["Content-Type": "application/octet-stream"], body: request.body)
        }
        router.add(.get, "/api/v1/items/{id}") { request in
            .json("{\"id\":\"\(HTTPResponse.jsonEscaped(request.pathParameters["id"] ?? ""))\"}")
        }
        router.add(.delete, "/api/v1/items/{id}") { _ in HTTPResponse(status: 204) }
        router.add(.get, "/api/v1/fail") { _ in throw DeliberateFailure() }
        router.add(.get, "/api/v1/wait") { _ in
            onWait()
            return .json("{\"waited\":true}")
        }
        return router
    }
}
