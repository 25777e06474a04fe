// `perfgate-instructions SCENARIOS|- BENCHMARK-ID UNITS SAMPLES [SEED] [SLOWDOWN]`: sets one benchmark
// up, does one warm-up of UNITS units of its work (see `InstructionWorkloads`), then SAMPLES more of
// UNITS units each, calling `perfgate_sample_boundary()` after the warm-up and after every sample. Run
// under `valgrind --tool=callgrind --dump-after=perfgate_sample_boundary`, each sample's instructions
// land in a profile part of their own (setup, start-up and exit in others), for `bench run
// --instructions` and `bench calibrate`. SLOWDOWN is the injected slowdown (`--inject-slowdown`).
// A plain synchronous program: valgrind 3.19 crashes on `bench` itself (its async main parks the main
// thread in libdispatch's sigsuspend).
import CPerfGateSampleMarker
import Foundation
import PerfGateAgents
import PerfGateScenarios

/// Prints `message` on standard error and exits with status 2.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("perfgate-instructions: \(message)\n".utf8))
    exit(2)
}

let arguments = CommandLine.arguments
guard arguments.count >= 5, let units = Int(arguments[3]), units > 0, let samples = Int(arguments[4]), samples >= 0 else {
    fail("usage: perfgate-instructions SCENARIOS|- BENCHMARK-ID UNITS SAMPLES [SEED] [SLOWDOWN]")
}
let seed = arguments.count > 5 ? UInt64(arguments[5]) ?? 42 : 42
guard let slowdown = arguments.count > 6 ? Double(arguments[6]) : 0, slowdown.isFinite, slowdown >= 0 else {
    fail("SLOWDOWN must be a fraction ≥ 0, got \(arguments[6])")
}
do {
    let scenarios = try ScenarioCatalog.load(folder: arguments[1] == "-" ? nil : arguments[1])
    var found: PlannedBenchmark?
    for suite in ["quick", "default", "full"] where found == nil {
        found = BenchmarkPlan(scenarios: scenarios, suite: suite).benchmark(id: arguments[2])
    }
    guard let benchmark = found else { fail("no benchmark \(arguments[2])") }
    let settings = WorkloadSettings(seed: seed, injection: FaultInjection(slowdown: slowdown))
    guard let work = InstructionWorkloads.prepare(benchmark, settings: settings) else {
        fail("instructions are not counted for \(arguments[2])")
    }
    work(units)
    perfgate_sample_boundary()
    for _ in 0..<samples {
        work(units)
        perfgate_sample_boundary()
    }
    exit(0)
} catch {
    fail("\(error)")
}
