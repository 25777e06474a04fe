#!/usr/bin/env python3
"""Times scipy's Mann-Whitney U for comparison with PerfGateStatistics.

Usage: python3 Benchmarks/Speed/scipy_mannwhitney.py [--repeat N]

Prints one line per case, `name: seconds_per_comparison=X comparisons=N`, where X is the best of
`--repeat` timed runs (time.perf_counter) divided by the comparisons in one run:

- `vectorised_100v100`: one call on 2-D arrays (axis=1) doing `batch` comparisons of 100 vs 100 at
  once, the fastest way to use scipy for many small comparisons (asymptotic method, as the exact
  method is not vectorised over rows of different data in the same way).
- `loop_100v100_exact` / `loop_100v100_asymptotic`: a Python loop of single calls, as a gate with
  one comparison per metric would run.
- `single_100000v100000`: one asymptotic comparison of 100,000 vs 100,000 samples.

Samples are uniform on [0, 1) from numpy's PCG64 with fixed seeds, candidates shifted by 0.05.
"""

import argparse
import time

import numpy as np
import scipy
from scipy import stats


def best_time(function, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def report(name, seconds, comparisons):
    print(f"{name}: seconds_per_comparison={seconds / comparisons:.9g} comparisons={comparisons}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case; the best is reported")
    parser.add_argument("--batch", type=int, default=10_000, help="comparisons in the vectorised case")
    parser.add_argument("--loop", type=int, default=2_000, help="comparisons in each looped case")
    args = parser.parse_args()
    rng = np.random.default_rng(20240501)
    print(f"# scipy {scipy.__version__}, numpy {np.__version__}")

    candidates = rng.random((args.batch, 100)) + 0.05
    baselines = rng.random((args.batch, 100))
    seconds = best_time(
        lambda: stats.mannwhitneyu(candidates, baselines, axis=1, method="asymptotic"), args.repeat)
    report("vectorised_100v100", seconds, args.batch)

    for method in ("exact", "asymptotic"):
        pairs = [(candidates[i], baselines[i]) for i in range(args.loop)]

        def loop():
            for candidate, baseline in pairs:
                stats.mannwhitneyu(candidate, baseline, method=method)

        stats.mannwhitneyu(pairs[0][0], pairs[0][1], method=method)  # warm scipy's exact-distribution cache
        report(f"loop_100v100_{method}", best_time(loop, args.repeat), args.loop)

    candidate = rng.random(100_000) + 0.001
    baseline = rng.random(100_000)
    seconds = best_time(lambda: stats.mannwhitneyu(candidate, baseline, method="asymptotic"), args.repeat)
    report("single_100000v100000", seconds, 1)


if __name__ == "__main__":
    main()
