import Testing

@testable import PerfGateHTTP

struct HTTPRouterTests {
    static let router: HTTPRouter = {
        var router = HTTPRouter()
        router.add(.post, "/api/v1/agents") { _ in .text("create") }
        router.add(.post, "/api/v1/agents/{id}/step") { request in .text("step \(request.pathParameters["id"]!)") }
        router.add(.get, "/api/v1/agents/{id}") { request in .text("get \(request.pathParameters["id"]!)") }
        router.add(.delete, "/api/v1/agents/{id}") { _ in .text("delete") }
        return router
    }()

    static func body(_ method: HTTPMethod, _ target: String) throws -> (Int, String, String?) {
        let response = try router.respond(to: HTTPRequest(method: method, target: target))
        return (response.status, String(decoding: response.body, as: UTF8.self), response.headers["Allow"])
    }

    @Test func parametersAreCapturedAndTheQueryIgnored() throws {
        #expect(try Self.body(.post, "/api/v1/agents/42/step?n=3").1 == "step 42")
        #expect(try Self.body(.get, "/api/v1/agents/a-b").1 == "get a-b")
    }

    @Test func anEmptyParameterSegmentDoesNotMatch() throws {
        #expect(try Self.body(.get, "/api/v1/agents/").0 == 404)
    }

    @Test func aKnownPathWithAnotherMethodIs405ListingTheAllowedMethods() throws {
        let (status, _, allow) = try Self.body(.put, "/api/v1/agents/1")
        #expect(status == 405)
        #expect(allow == "DELETE, GET, HEAD")
    }

    @Test func headFallsBackToGet() throws {
        #expect(try Self.body(.head, "/api/v1/agents/9").1 == "get 9")
    }

    @Test func unknownPathsAre404() throws {
        #expect(try Self.body(.get, "/api/v2/agents").0 == 404)
        #expect(try Self.body(.get, "/api/v1/agents/1/step/extra").0 == 404)
    }
}
