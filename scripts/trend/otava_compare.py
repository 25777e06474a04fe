#!/usr/bin/env python3
"""Compares `bench trend` change points with Apache Otava's e-divisive on generated series.

Usage: python3 scripts/trend/otava_compare.py [--bench .build/release/bench] [--work DIR]

Needs the `apache-otava` package (PyPI) in the running interpreter (.ci/checks/trend.sh makes a venv).
For each case below it writes one results file per run (one benchmark, three samples whose median is
exactly the series value), runs `bench trend FOLDER --format json`, reads back the p50 series and our
change points, and runs on the very same numbers:

Series longer than 128 values exercise `bench trend`'s O(n log n) path (right-hand sample ending at
the segment's end); shorter ones its O(n²) path, which maximises over that end as Otava does.

- `otava.analysis.compute_change_points_orig` (Matteson & James e-divisive with a permutation test,
  100 permutations, seeded; max_pvalue 0.01), the algorithm `bench trend` implements; and
- `otava.analysis.compute_change_points` (Otava's default: Hunter's windowed split/merge with a
  Student's t-test; window 50, max_pvalue 0.001), for reference.

A case agrees when both find the same set of change-point indices; "within 1" allows each index to
differ by one run. Cases marked `clear` have steps of at least 5 noise standard deviations, where the
methods must agree; the script exits 1 if any clear case disagrees with Otava's e-divisive (either
variant's result is printed for every case).
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

from otava.analysis import compute_change_points, compute_change_points_orig


def series(n, steps, noise, seed, level=0.01):
    """n values around `level`, multiplied by (1 + size) from each (index, size) step on."""
    rng = random.Random(seed)
    values = []
    for i in range(n):
        factor = 1.0
        for index, size in steps:
            if i >= index:
                factor *= 1 + size
        values.append(level * factor * (1 + noise * rng.gauss(0, 1)))
    return values


def cases():
    result = []
    for seed, (n, k) in enumerate([(30, 17), (30, 5), (30, 25), (40, 20), (60, 33), (100, 70), (200, 150), (400, 90)]):
        result.append((f"step+20% n={n} at {k}", series(n, [(k, 0.20)], 0.02, seed), True))
    for seed, (n, k) in enumerate([(30, 12), (50, 30)]):
        result.append((f"step-15% n={n} at {k}", series(n, [(k, -0.15)], 0.02, 100 + seed), True))
    result.append(("step+10% n=40 at 22, noise 1%", series(40, [(22, 0.10)], 0.01, 200), True))
    result.append(("two steps n=60 at 20, 40", series(60, [(20, 0.25), (40, -0.3)], 0.02, 300), True))
    result.append(("three steps n=120", series(120, [(30, 0.2), (60, 0.2), (95, -0.25)], 0.02, 301), True))
    result.append(("step+5% n=40 at 20, noise 2% (weak)", series(40, [(20, 0.05)], 0.02, 400), False))
    alternating = [(6, .3), (10, -.2), (14, .3), (18, -.2), (22, .4), (26, -.3), (30, .3), (34, -.2), (38, .3), (44, -.25)]
    result.append(("ten short steps n=50, 1% noise", series(50, alternating, 0.01, 700), False))
    rng = random.Random(600)
    drift = [0.01 * (1 + 0.015 * min(max(i - 15, 0), 15)) * (1 + 0.005 * rng.gauss(0, 1)) for i in range(45)]
    result.append(("slow drift n=45, 1.5%/run from 15 to 30", drift, False))
    for seed in range(6):
        result.append((f"noise only n=40 seed {seed}", series(40, [], 0.02, 500 + seed), False))
    return result


def write_results(folder, values):
    os.makedirs(folder)
    for i, v in enumerate(values):
        stamp = f"2026-11-{1 + i // 24:02d}T{i % 24:02d}:00:00Z"
        samples = [v * 0.99, v, v * 1.01]
        s = sorted(samples)
        doc = {
            "schema": "perfgate/results@1", "tool": {"name": "perfgate", "version": "0.1.0"},
            "run": {"id": f"run-{i:04d}", "startedAt": stamp, "finishedAt": stamp, "suite": "default",
                    "git": {"commit": f"{i:07d}"}},
            "benchmarks": [{
                "id": "series", "name": "series", "scenario": "synthetic", "parameters": {},
                "metrics": {"value_seconds": {
                    "unit": "seconds", "better": "lower", "samples": samples,
                    "summary": {"count": 3, "min": s[0], "p50": s[1], "p90": s[1] + 0.8 * (s[2] - s[1]),
                                "p95": s[1] + 0.9 * (s[2] - s[1]), "p99": s[1] + 0.98 * (s[2] - s[1]),
                                "max": s[2], "mean": sum(s) / 3,
                                "stddev": (sum((x - sum(s) / 3) ** 2 for x in s) / 2) ** 0.5}}}}],
        }
        with open(os.path.join(folder, f"run-{i:04d}.json"), "w") as f:
            json.dump(doc, f)


def within_one(a, b):
    return len(a) == len(b) and all(abs(x - y) <= 1 for x, y in zip(sorted(a), sorted(b)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bench", default=".build/release/bench")
    p.add_argument("--work", default=None)
    args = p.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="otava-compare-")
    rows = []
    failures = 0
    try:
        for number, (name, values, clear) in enumerate(cases()):
            folder = os.path.join(work, f"case-{number:02d}")
            write_results(folder, values)
            out = subprocess.run([args.bench, "trend", folder, "--format", "json"], capture_output=True, text=True)
            if out.returncode != 0:
                print(f"bench trend failed on {name}: {out.stderr.strip()}", file=sys.stderr)
                return 2
            report = json.loads(out.stdout)
            one = report["series"][0]
            ours = [c["index"] for c in one["changePoints"]]
            p50 = [point["p50"] for point in one["points"]]
            orig, _ = compute_change_points_orig(p50, max_pvalue=0.01, seed=number)
            orig = sorted(int(cp.index) for cp in orig)
            hunter, _ = compute_change_points(p50, window_len=50, max_pvalue=0.001)
            hunter = sorted(int(cp.index) for cp in hunter)
            agree = ours == orig
            near = within_one(ours, orig)
            if clear and not near:
                failures += 1
            rows.append((name, clear, ours, orig, hunter, agree, near, ours == hunter))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{'case':42} {'clear':5} {'bench trend':18} {'otava e-div':18} {'otava hunter':18} same  ±1")
    for name, clear, ours, orig, hunter, agree, near, _ in rows:
        print(f"{name:42} {'yes' if clear else 'no':5} {str(ours):18} {str(orig):18} {str(hunter):18} "
              f"{'yes' if agree else 'NO ':4}  {'yes' if near else 'NO'}")
    total = len(rows)
    print(f"agreement with otava e-divisive (permutation test): {sum(r[5] for r in rows)}/{total} exact, "
          f"{sum(r[6] for r in rows)}/{total} within one run; clear cases: "
          f"{sum(r[6] for r in rows if r[1])}/{sum(1 for r in rows if r[1])} within one run")
    print(f"agreement with otava's default (Hunter, t-test): {sum(r[7] for r in rows)}/{total} exact")
    if failures:
        print(f"otava_compare: {failures} clear cases disagree with otava's e-divisive", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
