import Testing

@testable import PerfGateReports

struct TerminalWidthTests {
    @Test("Our own symbols take one column each")
    func ownSymbolsAreOneColumn() {
        for symbol in ["✗", "✓", "·", "?", "+", "-", "→", "↳", "…", "µ", "—"] {
            #expect(TerminalWidth.of(symbol) == 1, "\(symbol)")
        }
    }

    @Test("Emoji and East Asian wide characters take two columns, combining marks none")
    func wideAndZeroWidthCharacters() {
        #expect(TerminalWidth.of("❌") == 2)
        #expect(TerminalWidth.of("👩‍💻") == 2)
        #expect(TerminalWidth.of("基准") == 4)
        #expect(TerminalWidth.of("e\u{301}") == 1)
        #expect(TerminalWidth.of("abc") == 3)
    }

    @Test("Cutting in the middle keeps both ends and fits the width exactly")
    func cuttingInTheMiddleKeepsBothEnds() {
        let cut = TerminalWidth.truncatingMiddle("coordination/contract-net[agents=50]", toWidth: 15)
        #expect(cut == "coordin…nts=50]")
        #expect(TerminalWidth.of(cut) == 15)
        #expect(TerminalWidth.truncatingMiddle("short", toWidth: 15) == "short")
    }

    @Test("Cutting wide characters never exceeds the width")
    func cuttingWideCharactersNeverExceedsTheWidth() {
        for width in 0...12 {
            let cut = TerminalWidth.truncatingMiddle("基准测试基准测试基准测试", toWidth: width)
            #expect(TerminalWidth.of(cut) <= width)
        }
    }
}
