#!/usr/bin/env python3
"""Writes a history of synthetic PerfGate results files (perfgate/results@1) for `bench trend`.

Usage:
  scripts/trend/make_history.py OUT_DIR [--runs 30] [--benchmarks 4] [--metrics 2] [--samples 15]
                                [--step-at 17] [--step 0.2] [--step-benchmarks 1] [--noise 0.02] [--seed 1]

Run i starts at 2026-11-01T00:00:00Z + i hours and has commit sha1("commit-i"). Benchmark b is
`coordination/contract-net[agents=N]` with round_seconds (lower is better) around 0.0005·N^1.1 s, and
with --metrics 2 also throughput_per_second (higher is better) = agents / round time. The first
--step-benchmarks benchmarks get every sample multiplied by (1 + --step) from run --step-at on (an
injected slowdown; use --step-at -1 for none). Samples are lognormal with sigma --noise. Files are
named run-0000.json, … in a shuffled order of writing, so that readers must sort by startedAt.
Only the Python standard library is used.
"""
import argparse
import datetime
import hashlib
import json
import math
import os
import random


def quantile(sorted_values, p):
    h = (len(sorted_values) - 1) * p
    lower = math.floor(h)
    if lower >= len(sorted_values) - 1:
        return sorted_values[-1]
    return sorted_values[lower] + (h - lower) * (sorted_values[lower + 1] - sorted_values[lower])


def summary(samples):
    s = sorted(samples)
    n = len(s)
    mean = sum(s) / n
    std = math.sqrt(sum((x - mean) ** 2 for x in s) / (n - 1)) if n > 1 else 0.0
    return {"count": n, "min": s[0], "p50": quantile(s, 0.5), "p90": quantile(s, 0.9), "p95": quantile(s, 0.95),
            "p99": quantile(s, 0.99), "max": s[-1], "mean": mean, "stddev": std}


def metric(unit, better, samples):
    return {"unit": unit, "better": better, "samples": samples, "summary": summary(samples)}


def run_file(index, args, rng):
    start = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(hours=index)
    commit = hashlib.sha1(f"commit-{index}".encode()).hexdigest()
    benchmarks = []
    for b in range(args.benchmarks):
        agents = b + 1
        center = 0.0005 * agents ** 1.1
        factor = 1 + args.step if (0 <= args.step_at <= index and b < args.step_benchmarks) else 1.0
        rounds = [center * factor * rng.lognormvariate(0, args.noise) for _ in range(args.samples)]
        metrics = {"round_seconds": metric("seconds", "lower", rounds)}
        if args.metrics >= 2:
            metrics["throughput_per_second"] = metric("per_second", "higher", [agents / r for r in rounds])
        benchmarks.append({"id": f"coordination/contract-net[agents={agents}]", "name": "coordination/contract-net",
                           "scenario": "coordination", "parameters": {"agents": agents}, "metrics": metrics})
    stamp = start.strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "schema": "perfgate/results@1", "tool": {"name": "perfgate", "version": "0.1.0"},
        "run": {"id": start.strftime("%Y%m%dT%H%M%SZ") + "-" + commit[:7], "startedAt": stamp,
                "finishedAt": (start + datetime.timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "suite": "default", "git": {"commit": commit, "branch": "main", "dirty": False},
                "environment": {"os": "Linux", "arch": "x86_64", "cpuModel": "Synthetic CPU", "logicalCores": 2,
                                "build": "release"}},
        "benchmarks": benchmarks,
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--benchmarks", type=int, default=4)
    p.add_argument("--metrics", type=int, default=2, choices=[1, 2])
    p.add_argument("--samples", type=int, default=15)
    p.add_argument("--step-at", type=int, default=17)
    p.add_argument("--step", type=float, default=0.2)
    p.add_argument("--step-benchmarks", type=int, default=1)
    p.add_argument("--noise", type=float, default=0.02)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    files = [(i, run_file(i, args, rng)) for i in range(args.runs)]
    random.Random(args.seed + 1).shuffle(files)
    for i, doc in files:
        path = os.path.join(args.out, f"run-{(i * 7919) % 10007:05d}.json")  # names not in run order
        with open(path + ".tmp", "w") as f:
            json.dump(doc, f, separators=(",", ":"))
        os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
