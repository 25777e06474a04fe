// swift-tools-version:6.1
//
// PerfGate: a performance-regression gate for a multi-agent system.
// No package dependencies by design: everything is built on the toolchain
// (standard library, Foundation, Dispatch, Synchronization, Glibc).

import PackageDescription

/// One settings list for every Swift target.
let swiftSettings: [SwiftSetting] = [
    // A dependency that appears in a public signature must be imported with
    // `public import`, so module boundaries are visible at the import line.
    .enableUpcomingFeature("InternalImportsByDefault"),
    // `any` is spelled out for existential types, so their cost is visible.
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "PerfGate",
    products: [
        .executable(name: "bench", targets: ["bench"]),
        .executable(name: "perfgate-instructions", targets: ["perfgate-instructions"]),
        .library(name: "PerfGateStatistics", targets: ["PerfGateStatistics"]),
        .library(name: "PerfGateResults", targets: ["PerfGateResults"]),
        .library(name: "PerfGateComparison", targets: ["PerfGateComparison"]),
    ],
    targets: [
        // MARK: - Libraries (lowest first; lower never imports higher)

        // Pure statistics: Mann–Whitney U, Hodges–Lehmann, percentiles, Holm. No I/O.
        .target(name: "PerfGateStatistics", swiftSettings: swiftSettings),

        // File formats of the contract: results, thresholds; JSON reading with paths, atomic writing.
        .target(name: "PerfGateResults", dependencies: ["PerfGateStatistics"], swiftSettings: swiftSettings),

        // The comparator: two results files and thresholds in, statuses and a verdict out.
        .target(
            name: "PerfGateComparison",
            dependencies: ["PerfGateStatistics", "PerfGateResults"],
            swiftSettings: swiftSettings
        ),

        // Rendering of comparisons: terminal text, Markdown, JSON, JUnit XML.
        .target(
            name: "PerfGateReports",
            dependencies: ["PerfGateStatistics", "PerfGateResults", "PerfGateComparison"],
            swiftSettings: swiftSettings
        ),

        // History of many results files: series per benchmark and metric, change points (e-divisive
        // means), SVG charts, Markdown, HTML and JSON trend reports.
        .target(
            name: "PerfGateTrend",
            dependencies: ["PerfGateStatistics", "PerfGateResults", "PerfGateReports"],
            swiftSettings: swiftSettings
        ),

        // The simulated multi-agent system under test (active-inference agents, contract net).
        .target(name: "PerfGateAgents", dependencies: ["PerfGateStatistics"], swiftSettings: swiftSettings),

        // glibc's mallinfo2, which `import Glibc` does not expose.
        .target(name: "CPerfGateMallocInfo"),

        // Allocation counters that interpose malloc/free (kept out of sanitizer builds).
        .target(name: "CPerfGateMallocCounter"),

        // A do-nothing function marking sample boundaries for valgrind's callgrind (--dump-after).
        .target(name: "CPerfGateSampleMarker"),

        // Measurement: clocks, calibration, memory, worker processes, environment capture.
        .target(
            name: "PerfGateHarness",
            dependencies: ["PerfGateStatistics", "PerfGateResults", "CPerfGateMallocInfo", "CPerfGateMallocCounter"],
            swiftSettings: swiftSettings
        ),

        // A small HTTP/1.1 server and client on POSIX sockets; knows nothing of benchmarks.
        .target(name: "PerfGateHTTP", swiftSettings: swiftSettings),

        // The simulated agents behind an HTTP API (create, step, read, delete), served by PerfGateHTTP.
        .target(
            name: "PerfGateAgentService",
            dependencies: ["PerfGateStatistics", "PerfGateAgents", "PerfGateHTTP"],
            swiftSettings: swiftSettings
        ),

        // The benchmark scenarios: the catalog under Benchmarks/, suites, and the workloads that
        // drive the simulated agents (and their HTTP API) through the harness.
        .target(
            name: "PerfGateScenarios",
            dependencies: [
                "PerfGateStatistics", "PerfGateResults", "PerfGateHarness", "PerfGateAgents", "PerfGateHTTP",
                "PerfGateAgentService",
            ],
            swiftSettings: swiftSettings
        ),

        // Production monitoring outputs from results and thresholds: Prometheus/OpenMetrics exposition,
        // Pushgateway client, alert rules and their promtool tests, Alertmanager config, Grafana dashboard.
        .target(
            name: "PerfGateMonitoring",
            dependencies: ["PerfGateStatistics", "PerfGateResults", "PerfGateHTTP"],
            swiftSettings: swiftSettings
        ),

        // The command library: every `bench` subcommand, parsing, and output streams.
        .target(
            name: "PerfGateCommands",
            dependencies: [
                "PerfGateStatistics", "PerfGateResults", "PerfGateComparison", "PerfGateReports",
                "PerfGateAgents", "PerfGateHarness", "PerfGateHTTP", "PerfGateScenarios", "PerfGateMonitoring",
                "PerfGateAgentService", "PerfGateTrend",
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Executables

        // `bench`: a thin `@main` over PerfGateCommands.
        // `perfgate-instructions` is a dependency so that `swift run bench` builds it too: `bench` counts
        // instructions by running it under valgrind (it is not linked into `bench`).
        .executableTarget(
            name: "bench", dependencies: ["PerfGateCommands", "perfgate-instructions"], swiftSettings: swiftSettings
        ),
        // `perfgate-instructions`: fixed work for `bench run --instructions` to count under valgrind.
        .executableTarget(
            name: "perfgate-instructions", dependencies: ["PerfGateScenarios", "PerfGateAgents", "CPerfGateSampleMarker"],
            swiftSettings: swiftSettings
        ),

        // `perfgate-speed`: times the statistics and `bench compare` on synthetic data (figures only;
        // `Benchmarks/Speed/run.sh` runs it in release beside scipy).
        .executableTarget(
            name: "perfgate-speed",
            dependencies: ["PerfGateStatistics", "PerfGateResults", "PerfGateComparison", "PerfGateCommands"],
            path: "Benchmarks/Speed/Sources",
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests

        .testTarget(
            name: "PerfGateStatisticsTests",
            dependencies: ["PerfGateStatistics"],
            resources: [.copy("Golden")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PerfGateResultsTests",
            dependencies: ["PerfGateResults", "PerfGateStatistics"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PerfGateComparisonTests",
            dependencies: ["PerfGateComparison", "PerfGateResults", "PerfGateStatistics"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PerfGateReportsTests",
            dependencies: ["PerfGateReports"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PerfGateAgentsTests",
            dependencies: ["PerfGateAgents"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PerfGateHarnessTests",
            dependencies: ["PerfGateHarness"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PerfGateHTTPTests",
            dependencies: ["PerfGateHTTP"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PerfGateAgentServiceTests",
            dependencies: ["PerfGateAgentService", "PerfGateAgents", "PerfGateHTTP"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PerfGateScenariosTests",
            dependencies: ["PerfGateScenarios", "PerfGateComparison"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PerfGateMonitoringTests",
            dependencies: ["PerfGateMonitoring", "PerfGateResults", "PerfGateStatistics", "PerfGateHTTP"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PerfGateTrendTests",
            dependencies: ["PerfGateTrend", "PerfGateResults", "PerfGateStatistics"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PerfGateCommandsTests",
            dependencies: ["PerfGateCommands"],
            swiftSettings: swiftSettings
        ),
    ]
)
