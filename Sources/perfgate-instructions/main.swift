// `perfgate-instructions SCENARIO-FOLDER-OR-- BENCHMARK-ID UNITS [SEED]`: sets one benchmark up and does
// UNITS units of its work (see `InstructionWorkloads`), for `bench run --instructions` to count under
// valgrind. A plain synchronous program: valgrind 3.19 crashes on `bench` itself (its async main parks
// the main thread in libdispatch's sigsuspend).
import Foundation
import PerfGateAgents
import PerfGateScenarios

let arguments = CommandLine.arguments
guard arguments.count >= 4, let units = Int(arguments[3]), units >= 0 else {
    FileHandle.standardError.write(Data("usage: perfgate-instructions SCENARIOS|- BENCHMARK-ID UNITS [SEED]\n".utf8))
    exit(2)
}
let seed = arguments.count > 4 ? UInt64(arguments[4]) ?? 42 : 42
do {
    let scenarios = try ScenarioCatalog.load(folder: arguments[1] == "-" ? nil : arguments[1])
    var found: PlannedBenchmark?
    for suite in ["quick", "default", "full"] where found == nil {
        found = BenchmarkPlan(scenarios: scenarios, suite: suite).benchmark(id: arguments[2])
    }
    guard let benchmark = found else {
        FileHandle.standardError.write(Data("perfgate-instructions: no benchmark \(arguments[2])\n".utf8))
        exit(2)
    }
    InstructionWorkloads.run(benchmark, settings: WorkloadSettings(seed: seed, injection: .none), units: units)
    exit(0)
} catch {
    FileHandle.standardError.write(Data("perfgate-instructions: \(error)\n".utf8))
    exit(2)
}
