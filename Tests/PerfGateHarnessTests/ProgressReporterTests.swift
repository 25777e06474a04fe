import PerfGateHarness
import Synchronization
import Testing

/// A sink and a clock that tests control.
private final class FakeTerminal: Sendable {
    private let written = Mutex<[String]>([])
    private let time = Mutex<Duration>(.zero)
    func write(_ text: String) { written.withLock { $0.append(text) } }
    var output: [String] { written.withLock { $0 } }
    func advance(_ duration: Duration) { time.withLock { $0 += duration } }
    func now() -> Duration { time.withLock { $0 } }
}

struct ProgressReporterTests {
    @Test func aTerminalGetsTheLineRewrittenInPlaceWithAnEstimate() {
        let terminal = FakeTerminal()
        let reporter = ProgressReporter(isEnabled: true, isTerminal: true, clock: terminal.now, write: terminal.write)
        reporter.update(completed: 0, total: 4, label: "coordination/contract-net[agents=50]")
        terminal.advance(.seconds(12))
        reporter.update(completed: 1, total: 4, label: "memory/agent")
        reporter.finish()
        let output = terminal.output
        #expect(output.count == 3)
        #expect(output[0] == "\r[0/4] coordination/contract-net[agents=50] elapsed 0s")
        // The shorter second line is padded to erase the first.
        #expect(output[1].hasPrefix("\r[1/4] memory/agent elapsed 12s, ~36s left"))
        #expect(output[1].count == output[0].count)
        #expect(output[2] == "\n")
    }

    @Test(arguments: [(true, false), (false, true)])
    func nothingIsWrittenWhenQuietOrNotATerminal(isEnabled: Bool, isTerminal: Bool) {
        let terminal = FakeTerminal()
        let reporter = ProgressReporter(
            isEnabled: isEnabled,
            isTerminal: isTerminal,
            clock: terminal.now,
            write: terminal.write
        )
        reporter.update(completed: 1, total: 2, label: "a")
        reporter.finish()
        #expect(terminal.output.isEmpty)
    }

    @Test func theFinalStepShowsNoEstimate() {
        #expect(
            ProgressReporter.line(completed: 3, total: 3, label: "a", elapsed: .seconds(40)) == "[3/3] a elapsed 40s"
        )
    }
}
