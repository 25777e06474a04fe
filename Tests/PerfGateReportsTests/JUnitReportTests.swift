import Foundation
import PerfGateComparison
import PerfGateReports
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

struct JUnitReportTests {
    @Test("The report is well-formed XML with the counts and one test case per gating result")
    func countsAndTestCases() throws {
        var results = ComparisonFixtures.fourRows.results
        results.append(
            ComparisonFixtures.result("few", "m", status: .inconclusive, baseline: 1, candidate: 1, reason: "needs 8")
        )
        results.append(
            ComparisonFixtures.result("info", "m", status: .regressed, gating: false, baseline: 1, candidate: 2)
        )
        results.append(ComparisonFixtures.result("new", "m", status: .added, baseline: nil, candidate: 1))
        let document = try XMLDocumentSummary(parsing: JUnitReport().render(ComparisonFixtures.comparison(results)))

        let suites = try #require(document.elements.first)
        #expect(suites.name == "testsuites")
        let suite = try #require(document.elements.first { $0.name == "testsuite" })
        #expect(suite.attributes["name"] == "perfgate")
        #expect(suite.attributes["tests"] == "6")
        #expect(suite.attributes["failures"] == "2")
        #expect(suite.attributes["skipped"] == "2")
        #expect(suite.attributes["errors"] == "0")

        let cases = document.elements.filter { $0.name == "testcase" }
        #expect(cases.map { $0.attributes["classname"] ?? "" }.contains("info") == false)
        #expect(cases.first?.attributes["classname"] == "coordination/contract-net[agents=50]")
        #expect(cases.first?.attributes["name"] == "round_seconds")
        let failures = document.elements.filter { $0.name == "failure" }
        #expect(failures.map { $0.attributes["type"] } == ["regressed", "over_budget"])
        #expect(failures.first?.attributes["message"]?.hasPrefix("p95 +14.6% exceeds") == true)
        let skipped = document.elements.filter { $0.name == "skipped" }.map { $0.attributes["message"] ?? "" }
        #expect(skipped == ["needs 8", "added: no baseline to compare with"])
        #expect(document.text.contains("adjusted p = 0.0019 (alpha 0.01, Holm)"))
    }

    @Test("A paired Wilcoxon test is reported with its statistic W⁺, a Mann–Whitney test with U")
    func statisticIsNamedAfterTheTest() throws {
        var paired = ComparisonFixtures.result("b", "m", status: .regressed, baseline: 1, candidate: 2)
        paired.test?.name = "wilcoxon-signed-rank"
        let pooled = ComparisonFixtures.result("c", "m", status: .regressed, baseline: 1, candidate: 2)
        let xml = JUnitReport().render(ComparisonFixtures.comparison([paired, pooled]))
        #expect(xml.contains("test: wilcoxon-signed-rank (asymptotic), W⁺ = 450,"))
        #expect(xml.contains("test: mann-whitney-u (asymptotic), U = 450,"))
    }

    @Test("Hostile text stays well-formed and reads back as written, minus characters XML forbids")
    func hostileTextIsEscaped() throws {
        let hostile = "a&b<c>\"d\"'e'\u{0}\u{1}\u{8}\u{B}\u{FFFE}]]>\n\tend"
        let comparison = ComparisonFixtures.comparison(
            [
                ComparisonFixtures.result(
                    hostile,
                    hostile,
                    unit: hostile,
                    status: .regressed,
                    baseline: 1,
                    candidate: 2,
                    reason: hostile
                )
            ],
            warnings: [hostile]
        )
        var withHostileRun = comparison
        withHostileRun.baseline = RunReference(path: hostile, runId: hostile, commit: hostile)
        let xml = JUnitReport().render(withHostileRun)
        let document = try XMLDocumentSummary(parsing: xml)
        let readable = "a&b<c>\"d\"'e']]>\n\tend"
        let testCase = try #require(document.elements.first { $0.name == "testcase" })
        #expect(testCase.attributes["classname"] == readable)
        #expect(testCase.attributes["name"] == readable)
        #expect(document.elements.first { $0.name == "failure" }?.attributes["message"] == readable)
        #expect(document.elements.contains { $0.name == "property" && $0.attributes["value"] == readable })
        #expect(!xml.unicodeScalars.contains { $0.value < 0x9 || $0.value == 0xFFFE })
    }

    @Test("The well-formedness check itself rejects broken XML")
    func brokenXMLIsRejected() {
        #expect(throws: XMLDocumentSummary.NotWellFormedError.self) { try XMLDocumentSummary(parsing: "<a>&</a>") }
        #expect(throws: XMLDocumentSummary.NotWellFormedError.self) { try XMLDocumentSummary(parsing: "<a b=\"<\"/>") }
        #expect(throws: XMLDocumentSummary.NotWellFormedError.self) { try XMLDocumentSummary(parsing: "<a>\u{1}</a>") }
    }

    @Test("A comparison without gating results is an empty, well-formed suite")
    func emptySuite() throws {
        let document = try XMLDocumentSummary(parsing: JUnitReport().render(ComparisonFixtures.comparison([])))
        let suite = try #require(document.elements.first { $0.name == "testsuite" })
        #expect(suite.attributes["tests"] == "0")
        #expect(!document.elements.contains { $0.name == "testcase" })
    }
}

/// The elements (in document order) and the character data of an XML document, read with
/// Foundation's `XMLParser`; initialising throws when the document is not well-formed.
struct XMLDocumentSummary {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    struct NotWellFormedError: Error, CustomStringConvertible {
        var description: String
    }

    var elements: [Element]
    var text: String

    init(parsing xml: String) throws {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw NotWellFormedError(description: parser.parserError.map { "\($0)" } ?? "parse failed")
        }
        elements = collector.elements
        text = collector.text
    }

    /// Collects what the parser reports; used on one thread only, within `init`.
    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var text = ""

        func parser(
            _ parser: XMLParser,
            didStartElement elementName: String,
            namespaceURI: String?,
            qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            elements.append(Element(name: elementName, attributes: attributeDict))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }
}
