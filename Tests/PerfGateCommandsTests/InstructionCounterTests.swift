import Testing

@testable import PerfGateCommands

/// `bench run --instructions`: reading callgrind's total, and running without valgrind.
struct InstructionCounterTests {
    @Test func callgrindsCollectedTotalIsRead() {
        let text = "==11390== Events    : Ir\n==11390== Collected : 1221316543\n==11390== \n==11390== I   refs:      1,221,316,543\n"
        #expect(InstructionCounter.collected(in: text) == 1_221_316_543)
        #expect(InstructionCounter.collected(in: "==1== no summary\n") == nil)
    }

    @Test func eachProfilePartsTotalsLineIsRead() {
        let part = "# callgrind format\nversion: 1\ncmd: pi - belief/update 100 10\npart: 3\n\nevents: Ir\nsummary: 96754314\n\nfn=(1) main\n0 5\ntotals: 96754314\n"
        #expect(InstructionCounter.totals(in: part) == 96_754_314)
        #expect(InstructionCounter.totals(in: "events: Ir\n") == nil)
    }

    @Test func aMissingProgramIsNotFoundOnPath() {
        #expect(InstructionCounter.find("no-such-program-perfgate", environment: ["PATH": "/usr/bin:/bin"]) == nil)
        #expect(InstructionCounter.find("sh", environment: ["PATH": "/usr/bin:/bin"]) != nil)
    }

    @Test func withoutThePerfgateInstructionsProgramNothingIsStripped() {
        #expect(InstructionCounter.strippedWorkload(bench: "/nonexistent/bench", environment: [:]) == nil)
    }
}
