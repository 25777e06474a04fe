import PerfGateAgents
import PerfGateHTTP
import PerfGateScenarios

/// The options of `bench run`, `bench` and the hidden worker, declared and parsed once.
struct RunOptions: Sendable {
    var suite: Suite
    var filter: String?
    var agentCounts: [Int]?
    var samples: Int?
    var seed: UInt64
    var isQuiet: Bool
    /// `--verbose`: list every metric behind a grouped warning.
    var isVerbose: Bool
    var injection: FaultInjection
    /// The scenario folder, or nil for the built-in catalog.
    var scenarioFolder: String?
    /// A deliberate failure for tests of failure handling: `crash:ID` or `hang:ID`.
    var fault: String?
    /// Seconds a worker may stay silent before it is killed.
    var workerTimeoutSeconds: Int
    /// The server the `api/*` scenarios drive instead of the embedded one (`--target URL`).
    var apiTarget: String?
    /// Request shapes the `api/*` scenarios send instead of the documented ones (`--requests FILE`).
    var apiRequestsFile: String?

    /// The option declarations shared by the commands that run benchmarks.
    static let declarations: [OptionSpec] = [
        OptionSpec("suite", value: "NAME", help: "Suite to run (default: default).", allowed: Suite.all.map(\.name)),
        SharedOptions.filter,
        SharedOptions.agents,
        SharedOptions.samples,
        SharedOptions.seed,
        SharedOptions.quiet,
        OptionSpec("verbose", help: "Also list the noisy metrics behind a grouped warning, and each metric's variance components."),
        OptionSpec(
            "inject-slowdown", value: "FRACTION",
            help: "Make every agent do this fraction more real work (0.10 = 10% slower), to prove the gate catches it."
        ),
        OptionSpec(
            "inject-memory", value: "FRACTION",
            help: "Make every agent allocate this fraction more memory (0.10 = 10% more)."
        ),
        OptionSpec("scenarios", value: "DIR", help: "Scenario folder (default: Benchmarks/scenarios when present, else built in)."),
        OptionSpec(
            "target", value: "URL",
            help: "Point the api/* scenarios at a running server (http://127.0.0.1:PORT) instead of the embedded one."
        ),
        OptionSpec("requests", value: "FILE", help: "Request shapes for the api/* scenarios (perfgate/requests@1; see docs/http-api.md)."),
        OptionSpec("inject-fault", value: "KIND:ID", help: "Crash or hang one benchmark (crash:ID, hang:ID); for tests.", hidden: true),
        OptionSpec("worker-timeout", value: "SECONDS", help: "Seconds a silent worker may take before it is killed.", hidden: true),
    ]

    /// `--no-instructions`, for the commands that count instructions unless told not to (`bench`,
    /// `bench baseline record`).
    static let noInstructions = OptionSpec(
        "no-instructions",
        help: "Do not count instructions (valgrind callgrind). By default they are counted when valgrind is installed: they gate CPU work at 1% on any machine."
    )

    /// Parses and validates the shared run options.
    init(_ arguments: ParsedArguments) throws(UsageError) {
        let suiteName = arguments.value("suite") ?? "default"
        suite = Suite.named(suiteName)!  // `allowed` restricted the value to known suites.
        filter = arguments.value("filter")
        agentCounts = try arguments.counts("agents")
        samples = try arguments.integer("samples", in: 2...100_000)
        seed = UInt64(try arguments.integer("seed", in: 0...Int.max) ?? 42)
        isQuiet = arguments.flag("quiet")
        isVerbose = arguments.flag("verbose")
        injection = FaultInjection(
            slowdown: try arguments.number("inject-slowdown", in: 0...10) ?? 0,
            extraMemory: try arguments.number("inject-memory", in: 0...10) ?? 0
        )
        scenarioFolder = arguments.value("scenarios")
        fault = arguments.value("inject-fault")
        workerTimeoutSeconds = try arguments.integer("worker-timeout", in: 1...86_400) ?? 600
        apiTarget = arguments.value("target")
        if let apiTarget, (try? HTTPEndpoint(url: apiTarget)) == nil {
            throw UsageError(
                "--target expects http://IPv4[:PORT][/path] such as http://127.0.0.1:8080, got \"\(apiTarget)\"",
                command: arguments.command
            )
        }
        apiRequestsFile = arguments.value("requests")
    }

    /// The settings every workload of a worker gets.
    var workloadSettings: WorkloadSettings {
        WorkloadSettings(seed: seed, injection: injection, apiTarget: apiTarget, apiRequestsFile: apiRequestsFile)
    }

    /// The same options as worker arguments, so a worker rebuilds exactly the parent's plan.
    var workerArguments: [String] {
        var arguments = ["__worker", "--suite", suite.name, "--seed", String(seed)]
        if let agentCounts { arguments += ["--agents", agentCounts.map(String.init).joined(separator: ",")] }
        if injection.slowdown > 0 { arguments += ["--inject-slowdown", String(injection.slowdown)] }
        if injection.extraMemory > 0 { arguments += ["--inject-memory", String(injection.extraMemory)] }
        if let scenarioFolder { arguments += ["--scenarios", scenarioFolder] }
        if let fault { arguments += ["--inject-fault", fault] }
        if let apiTarget { arguments += ["--target", apiTarget] }
        if let apiRequestsFile { arguments += ["--requests", apiRequestsFile] }
        return arguments
    }
}
