extension Thresholds {
    /// The project's thresholds, used when no thresholds file is given or found.
    ///
    /// Decoded from ``embeddedJSON``, a verbatim copy of the committed `Benchmarks/thresholds.json`; a test
    /// fails when the two differ, so `bench` run from any folder applies the same limits as the repository.
    public static let `default`: Thresholds = {
        // Cannot fail: the tests decode this exact text, and it is a compile-time constant.
        try! ThresholdsFile.decode(Array(embeddedJSON.utf8), file: "built-in thresholds")
    }()

    /// The text of `Benchmarks/thresholds.json`, embedded.
    package static let embeddedJSON = """
        {
          "schema": "perfgate/thresholds@1",
          "alpha": 0.01,
          "correction": "holm",
          "defaults": {
            "statistic": "p50",
            "maxRegression": 0.05,
            "reason": "A 5% slower median is a change users notice and a team wants to hear about before it merges."
          },
          "rules": [
            {
              "match": "coordination/*", "metric": "round_seconds", "statistic": "p50", "maxRegression": 0.05,
              "reason": "A 5% slower median round is 5% less coordination capacity; the tail is guarded by the timeout budget (timeout_ratio), and p95 is reported beside it."
            },
            {
              "match": "coordination/*", "metric": "throughput_per_second", "statistic": "p50", "maxRegression": 0.05, "gating": false,
              "reason": "Reported, not gating: agent steps per second are the inverse of round time, which carries the gate; a second gating copy of one quantity only widens the Holm family."
            },
            {
              "match": "coordination/*", "metric": "efficiency_ratio", "statistic": "p50", "maxRegression": 0.05, "gating": false,
              "reason": "Reported, not gating: derived from two benchmarks' throughputs; round time and the scaling exponent carry the gate."
            },
            {
              "match": "coordination/*", "metric": "messages_per_round", "statistic": "p50", "maxRegression": 0.05,
              "reason": "Messages per round are deterministic for a seed: 5% more messages is a protocol change worth a look."
            },
            {
              "match": "coordination/*", "metric": "agents_coordinating", "gating": false,
              "budget": { "statistic": "max", "max": 50 },
              "reason": "Published limit: 50 coordinating agents. Not measured by a benchmark; `bench alerts` turns it into the agent-count alert and `bench export` into agent_coordination_limit."
            },
            {
              "match": "*", "metric": "timeout_ratio", "gating": true, "budget": { "statistic": "mean", "max": 0.05 },
              "reason": "Published limit: coordination timeouts under 5%."
            },
            {
              "match": "memory/*", "metric": "bytes_per_agent", "statistic": "p50", "maxRegression": 0.02,
              "budget": { "statistic": "max", "max": 36175872 },
              "reason": "Published limit: under 34.5 MiB (36,175,872 bytes) of heap per agent. Memory per agent is the same in every run for a seed, so 2% more is real growth, and 2% fewer agents per machine."
            },
            {
              "match": "memory/*", "metric": "rss_bytes_per_agent", "statistic": "p50", "maxRegression": 0.02,
              "budget": { "statistic": "max", "max": 36175872 },
              "reason": "Published limit on resident memory per agent, what the machine pays for; 2%, as for the heap."
            },
            {
              "match": "memory/*", "metric": "peak_rss_bytes", "gating": false,
              "reason": "Reported for capacity planning; the per-agent metrics carry the limit."
            },
            {
              "match": "belief/*", "metric": "update_seconds", "statistic": "p50", "maxRegression": 0.05,
              "reason": "Belief updates are the agents' inner loop: 5% slower updates are 5% slower agents."
            },
            {
              "match": "belief/*", "metric": "convergence_seconds", "statistic": "p50", "maxRegression": 0.05,
              "reason": "Convergence time is what a caller waits for a belief to settle; 5%, as for updates."
            },
            {
              "match": "api/*", "metric": "latency_seconds", "statistic": "p95", "maxRegression": 0.05,
              "budget": { "statistic": "p95", "max": 0.5 },
              "reason": "Published limit: API p95 under 500 ms (the budget); a 5% slower p95 is a change users of the API notice."
            },
            {
              "match": "api/*", "metric": "throughput_per_second", "statistic": "p50", "maxRegression": 0.05, "gating": false,
              "reason": "Reported, not gating: closed-loop throughput is the inverse of latency, which carries the gate and the budget."
            },
            {
              "match": "api/*", "metric": "error_ratio", "budget": { "statistic": "mean", "max": 0.01 },
              "reason": "An API that fails over 1% of requests under benchmark load is broken, whatever it did before."
            },
            {
              "match": "scaling/*", "metric": "scaling_exponent", "statistic": "p50", "maxRegression": 0.03,
              "reason": "Growth of round time (API: latency) with agents, log-log slope: at 1, 10, 25 and 50 agents, 50 agents 20% slower moves an exponent near 1 by about 3%, a change in how the system scales."
            },
            {
              "match": "belief/*", "metric": "instructions", "statistic": "p50", "maxRegression": 0.01,
              "reason": "Counted by bench (and bench run --instructions) when valgrind is installed: instructions per belief update are the work itself, the same on every machine of a kind; 1% more work is a real change worth a look."
            },
            {
              "match": "coordination/*", "metric": "instructions", "statistic": "p50", "maxRegression": 0.01,
              "reason": "Instructions per coordination round at 1 and 10 agents, the work itself; 1%, as for belief updates."
            }
          ]
        }
        """
}
