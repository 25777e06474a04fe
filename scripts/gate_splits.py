#!/usr/bin/env python3
"""A/A false-failure rate of the stored-baseline gate over random splits of recorded runs.

Given N unmodified runs of one build on one machine boot, each trial draws K + 1 distinct runs
(seeded), joins K of them into a baseline with the real `bench baseline save`, and compares the
remaining one with it using the real `bench compare --format json`. Trials share runs, so they
are not independent: the rate is a check of the noise model on these runs, reported with the
number of distinct runs it rests on, not a confidence statement by itself.

    python3 scripts/gate_splits.py --runs R1.json R2.json ... [--baseline-runs 5] [--trials 150] [--seed 1]

Uses only the Python standard library; run from the package root after `swift build -c release`.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter

BENCH = os.path.abspath(".build/release/bench")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", nargs="+", required=True)
    parser.add_argument("--baseline-runs", type=int, default=5)
    parser.add_argument("--trials", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    runs = [os.path.abspath(r) for r in args.runs]
    rng = random.Random(args.seed)
    fails = improved = 0
    flagged = Counter()
    with tempfile.TemporaryDirectory() as work:
        for trial in range(args.trials):
            chosen = rng.sample(runs, args.baseline_runs + 1)
            save = subprocess.run([BENCH, "baseline", "save", *chosen[:-1], "--name", "split", "--force"],
                                  cwd=work, capture_output=True, text=True)
            if save.returncode != 0:
                sys.exit(f"gate_splits: baseline save failed: {save.stderr.strip()}")
            out = subprocess.run([BENCH, "compare", "baselines/split.json", chosen[-1], "--format", "json"],
                                 cwd=work, capture_output=True, text=True)
            if out.returncode not in (0, 1):
                sys.exit(f"gate_splits: compare failed: {out.stderr.strip()}")
            doc = json.loads(out.stdout)
            fails += doc["verdict"] == "fail"
            statuses = [r for r in doc["results"] if r["gating"]]
            improved += any(r["status"] == "improved" for r in statuses)
            for r in statuses:
                if r["status"] in ("regressed", "improved", "over_budget"):
                    flagged[f"{r['benchmark']} {r['metric']} {r['status']}"] += 1
    print(f"{args.trials} trials over {len(runs)} distinct runs (baseline of {args.baseline_runs} + 1 candidate): "
          f"verdict fail in {fails}, any gating result improved in {improved}")
    for key, count in flagged.most_common():
        print(f"  {count:4d}  {key}")


if __name__ == "__main__":
    main()
