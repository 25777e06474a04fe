#!/usr/bin/env python3
"""Writes a synthetic PerfGate results file (perfgate/results@1), for demos and smoke tests.

Usage:
  scripts/make_results.py OUT.json [--seed N] [--samples N] [--benchmarks N] [--slowdown F]
                          [--memory-factor F] [--timeouts F] [--build release|debug] [--cpu MODEL]

Each benchmark gets lognormal round times (about 2.5% spread, as measured within one process on a
2-core CI runner), a memory metric and a timeout ratio. --slowdown 0.2 makes every coordination
round 20% slower; --memory-factor 1.2 makes memory 20% larger; --timeouts sets the timeout ratio.
Only the standard library and numpy are used.
"""
import argparse
import json
import os
import tempfile

import numpy as np


def summary(samples):
    a = np.asarray(samples, dtype=float)
    pct = lambda q: float(np.percentile(a, q))  # numpy's default is Hyndman–Fan type 7
    return {
        "count": int(a.size), "min": float(a.min()), "p50": pct(50), "p90": pct(90), "p95": pct(95),
        "p99": pct(99), "max": float(a.max()), "mean": float(a.mean()),
        "stddev": float(a.std(ddof=1)) if a.size > 1 else 0.0,
    }


def metric(unit, better, samples):
    samples = [float(x) for x in samples]
    return {"unit": unit, "better": better, "samples": samples, "summary": summary(samples)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--samples", type=int, default=30)
    p.add_argument("--benchmarks", type=int, default=4)
    p.add_argument("--slowdown", type=float, default=0.0)
    p.add_argument("--memory-factor", type=float, default=1.0)
    p.add_argument("--timeouts", type=float, default=0.0)
    p.add_argument("--build", default="release")
    p.add_argument("--cpu", default="Synthetic CPU @ 2.0GHz")
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    agents = [1, 10, 25, 50, 100, 200, 400, 800][: a.benchmarks]
    benchmarks = []
    for n in agents:
        base = 0.0005 * n ** 1.1
        rounds = base * (1 + a.slowdown) * rng.lognormal(0, 0.025, a.samples)
        benchmarks.append({
            "id": f"coordination/contract-net[agents={n}]", "name": "coordination/contract-net",
            "scenario": "coordination", "parameters": {"agents": n},
            "metrics": {
                "round_seconds": metric("seconds", "lower", rounds),
                "timeout_ratio": metric("ratio", "lower", [a.timeouts] * a.samples),
            },
        })
    mem = 25_000_000 * a.memory_factor * rng.normal(1, 0.002, 5)
    benchmarks.append({
        "id": "memory/production-agent[agents=10]", "name": "memory/production-agent",
        "scenario": "memory", "parameters": {"agents": 10},
        "metrics": {"bytes_per_agent": metric("bytes", "lower", mem)},
    })
    doc = {
        "schema": "perfgate/results@1",
        "tool": {"name": "perfgate", "version": "0.1.0"},
        "run": {
            "id": f"20261129T000000Z-synthetic{a.seed}", "startedAt": "2026-11-29T00:00:00Z",
            "finishedAt": "2026-11-29T00:01:00Z", "suite": "default",
            "git": {"commit": f"{a.seed:040x}", "branch": "main", "dirty": False},
            "environment": {"os": "Linux", "arch": "x86_64", "cpuModel": a.cpu, "logicalCores": 2,
                            "memoryBytes": 25769803776, "swiftVersion": "6.3.1", "build": a.build},
        },
        "benchmarks": benchmarks,
    }
    folder = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    os.replace(tmp, a.out)


if __name__ == "__main__":
    main()
