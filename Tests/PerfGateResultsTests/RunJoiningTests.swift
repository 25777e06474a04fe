import PerfGateResults
import PerfGateStatistics
import Testing

struct RunJoiningTests {
    static func run(_ id: String, samples: [Double], processes: [Int]?, suite: String = "default", commit: String = "abc", boot: String? = "boot")
        -> BenchmarkResults
    {
        BenchmarkResults(
            tool: ToolInfo(name: "perfgate", version: "0.1.0"),
            run: RunInfo(
                id: id, startedAt: "2026-12-08T00:00:00Z", finishedAt: "2026-12-08T00:01:00Z", suite: suite,
                git: GitInfo(commit: commit), environment: EnvironmentInfo(bootId: boot)
            ),
            benchmarks: [
                BenchmarkResult(
                    id: "b", name: "b", scenario: "test", parameters: [:],
                    metrics: ["m": MetricResult(unit: "seconds", better: .lower, samples: samples, sampleProcesses: processes)]
                )
            ]
        )
    }

    @Test func joinedRunsKeepWhichRunAndProcessEachSampleCameFromAndRoundTrip() throws {
        let joined = try RunJoining.join([
            (Self.run("r1", samples: [1, 2], processes: [0, 1]), "r1.json"),
            (Self.run("r2", samples: [3, 4, 5], processes: [0, 0, 1]), "r2.json"),
        ])
        #expect(joined.run.parts.map(\.id) == ["r1", "r2"])
        #expect(joined.run.parts.map(\.bootId) == ["boot", "boot"])
        let metric = try #require(joined.benchmarks.first?.metrics["m"])
        #expect(metric.samples == [1, 2, 3, 4, 5])
        #expect(metric.sampleRuns == [0, 0, 1, 1, 1])
        #expect(metric.sampleProcesses == [0, 1, 0, 0, 1])
        #expect(metric.summary == SampleSummary(samples: [1, 2, 3, 4, 5]))
        let bytes = try ResultsFile.encode(joined)
        let decoded = try ResultsFile.decode(bytes, file: "joined.json")
        #expect(decoded == joined)
        // Joining a joined file with another run flattens the parts.
        let again = try RunJoining.join([(joined, "joined.json"), (Self.run("r3", samples: [6], processes: [0]), "r3.json")])
        #expect(again.run.parts.map(\.id) == ["r1", "r2", "r3"])
        #expect(again.benchmarks[0].metrics["m"]?.sampleRuns == [0, 0, 1, 1, 1, 2])
    }

    @Test func runsOfAnotherSuiteOrCommitOrTheSameRunTwiceAreRefusedByName() {
        let first = (Self.run("r1", samples: [1], processes: nil), "r1.json")
        let suite = #expect(throws: ResultsError.self) {
            try RunJoining.join([first, (Self.run("r2", samples: [1], processes: nil, suite: "quick"), "r2.json")])
        }
        #expect(suite?.description.hasPrefix("r2.json: $.run.suite: suite \"quick\" differs") == true)
        let commit = #expect(throws: ResultsError.self) {
            try RunJoining.join([first, (Self.run("r2", samples: [1], processes: nil, commit: "def"), "r2.json")])
        }
        #expect(commit?.description.contains("$.run.git.commit") == true)
        let twice = #expect(throws: ResultsError.self) { try RunJoining.join([first, first]) }
        #expect(twice?.description.contains("already among the runs joined") == true)
    }

    @Test func sampleLabelsOfTheWrongLengthAreRejectedWithTheirPath() {
        let text = """
            {"schema": "perfgate/results@1", "tool": {"name": "perfgate", "version": "0.1.0"},
             "run": {"id": "r", "startedAt": "s", "finishedAt": "f", "suite": "default"},
             "benchmarks": [{"id": "b", "name": "b", "scenario": "t", "metrics": {"m": {"unit": "seconds", "better": "lower",
               "samples": [1, 2], "summary": {"count": 2, "min": 1, "p50": 1.5, "p90": 1.9, "p95": 1.95, "p99": 1.99, "max": 2, "mean": 1.5, "stddev": 0.7},
               "sampleRuns": [0]}}}]}
            """
        let error = #expect(throws: ResultsError.self) { try ResultsFile.decode(Array(text.utf8), file: "x.json") }
        #expect(error?.description.hasPrefix("x.json: $.benchmarks[0].metrics.m.sampleRuns: sampleRuns holds 1 values") == true)
    }
}
