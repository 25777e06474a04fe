import PerfGateMonitoring
import Testing

struct ExpositionEscapingTests {
    @Test func labelValuesEscapeBackslashQuoteAndNewline() {
        #expect(ExpositionEscaping.labelValue(#"C:\ci "quoted""# + "\nsecond") == #"C:\\ci \"quoted\"\nsecond"#)
    }

    @Test func textFormatHelpEscapesBackslashAndNewlineButNotQuotes() {
        #expect(ExpositionEscaping.help(#"a \ "b""# + "\nc") == #"a \\ "b"\nc"#)
    }

    @Test func openMetricsHelpEscapesQuotesToo() {
        #expect(ExpositionEscaping.openMetricsHelp(#"a \ "b""# + "\nc\r") == #"a \\ \"b\"\nc "#)
    }

    @Test func plainTextIsLeftAlone() {
        #expect(ExpositionEscaping.labelValue("coordination/contract-net[agents=50]") == "coordination/contract-net[agents=50]")
        #expect(ExpositionEscaping.help("Heap bytes, per agent.") == "Heap bytes, per agent.")
    }

    @Test func renderedLabelValuesAreEscapedInBothFormats() throws {
        var family = try MetricFamily(name: "perfgate_build_info", help: #"Build "info" \ here"#, type: .gauge)
        try family.add(labels: ["note": "C:\\ci \"q\"\nline"], value: .single(1))
        var registry = MetricRegistry()
        try registry.register(family)
        let text = PrometheusTextRenderer.render(registry)
        #expect(text.contains(#"# HELP perfgate_build_info Build "info" \\ here"#))
        #expect(text.contains(#"perfgate_build_info{note="C:\\ci \"q\"\nline"} 1"#))
        let openMetrics = OpenMetricsRenderer.render(registry)
        #expect(openMetrics.contains(#"# HELP perfgate_build_info Build \"info\" \\ here"#))
    }
}
