#!/usr/bin/env python3
"""Error rates of the stored-baseline gate, measured: A/A false failures and detection rates.

Compares every candidate results file with one baseline using the real `bench compare --format json`
and tabulates, with exact (Clopper-Pearson) 95% confidence intervals:

- false failures: A/A candidates (same code as the baseline) whose verdict is fail, and those with
  any gating result "improved" (a false improvement is as false as a false regression);
- detection: candidates with an injected change, per group of gated metrics (the first part of
  the benchmark id; instructions apart), counted caught when a gating result of the group fails;
- per group, the modelled smallest change the run-level test catches with 95% power, from the
  baseline's own run-to-run spread (see docs/method.md).

Usage (from the package root, after `swift build -c release`):

    python3 scripts/gate_trials.py BASELINE --aa A1.json A2.json ... \\
        [--changed LABEL:GROUPS:FILE,FILE,...] ... [--markdown OUT.md]

GROUPS is a `+`-separated list of groups the change should be caught in (coordination+belief).
Needs scipy (for the beta and t quantiles); the Swift tests do not use this script.
"""

import argparse
import json
import math
import subprocess
import sys
from collections import defaultdict

from scipy import stats

BENCH = ".build/release/bench"


def compare(baseline, candidate):
    out = subprocess.run([BENCH, "compare", baseline, candidate, "--format", "json"],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"gate_trials: bench compare {candidate} failed ({out.returncode}): {out.stderr.strip()}")
    return json.loads(out.stdout)


def group(result):
    head = result["benchmark"].split("/")[0]
    return head + " (instructions)" if result["metric"] == "instructions" else head


def clopper_pearson(k, n, confidence=0.95):
    if n == 0:
        return (float("nan"), float("nan"))
    a = (1 - confidence) / 2
    low = 0.0 if k == 0 else stats.beta.ppf(a, k, n - k + 1)
    high = 1.0 if k == n else stats.beta.ppf(1 - a, k + 1, n - k)
    return (low, high)


def rate(k, n):
    low, high = clopper_pearson(k, n)
    return f"{k}/{n} ({100 * k / n:.0f}%, 95% CI {100 * low:.1f}–{100 * high:.1f}%)" if n else "—"


def run_values(baseline_path, benchmark, metric, statistic):
    """The gated statistic of each run of a joined baseline, as the comparator computes it."""
    with open(baseline_path) as f:
        doc = json.load(f)
    for b in doc["benchmarks"]:
        if b["id"] != benchmark:
            continue
        m = b["metrics"][metric]
        runs = m.get("sampleRuns")
        if runs is None:
            return []
        groups = defaultdict(list)
        for value, run in zip(m["samples"], runs):
            groups[run].append(value)
        q = {"p50": 0.5, "p90": 0.9, "p95": 0.95, "p99": 0.99}.get(statistic)
        values = []
        for key in sorted(groups):
            xs = sorted(groups[key])
            if q is None:
                values.append(sum(xs) / len(xs))
            else:
                h = (len(xs) - 1) * q
                lo = math.floor(h)
                values.append(xs[lo] + (h - lo) * (xs[min(lo + 1, len(xs) - 1)] - xs[lo]))
        return values
    return []


def run_spread(values):
    """The standard deviation of the log run values, or None."""
    if len(values) < 2 or min(values) <= 0:
        return None
    logs = [math.log(v) for v in values]
    mean = sum(logs) / len(logs)
    return math.sqrt(sum((x - mean) ** 2 for x in logs) / (len(logs) - 1))


def smallest_detectable(s, runs, family, alpha, power=0.95):
    """(t(1 - alpha/(2m)) + t(power)) * s * sqrt(1 + 1/K), K runs, on the log scale, as a relative change."""
    t = stats.t.ppf(1 - alpha / (2 * family), runs - 1) + stats.t.ppf(power, runs - 1)
    return math.exp(t * s * math.sqrt(1 + 1 / runs)) - 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("baseline")
    parser.add_argument("--aa", nargs="+", required=True)
    parser.add_argument("--changed", action="append", default=[])
    parser.add_argument("--markdown")
    args = parser.parse_args()

    lines = []
    aa = [compare(args.baseline, c) for c in args.aa]
    fails = sum(1 for c in aa if c["verdict"] == "fail")
    improved = sum(1 for c in aa if any(r["gating"] and r["status"] == "improved" for r in c["results"]))
    flagged = defaultdict(lambda: [0, 0])
    for c in aa:
        for r in c["results"]:
            if r["gating"] and "test" in r:
                flagged[group(r)][1] += 1
                if r["status"] in ("regressed", "improved"):
                    flagged[group(r)][0] += 1
    lines.append(f"A/A candidates against `{args.baseline}`: {len(aa)}.\n")
    lines.append("| what | trials | rate (95% CI) |\n| --- | --- | --- |")
    lines.append(f"| verdict fail on unchanged code | {len(aa)} | {rate(fails, len(aa))} |")
    lines.append(f"| any gating result \"improved\" on unchanged code | {len(aa)} | {rate(improved, len(aa))} |")
    for g in sorted(flagged):
        k, n = flagged[g]
        lines.append(f"| {g}: tested gating results flagged regressed or improved | {n} | {rate(k, n)} |")
    lines.append("")

    first = aa[0]
    family = sum(1 for r in first["results"] if r["gating"] and "test" in r)
    alpha = first["alpha"]
    if args.changed:
        lines.append("| change | expected in | candidates | caught (95% CI) |\n| --- | --- | --- | --- |")
    for spec in args.changed:
        label, groups, files = spec.split(":", 2)
        wanted = groups.split("+")
        comparisons = [compare(args.baseline, f) for f in files.split(",")]
        for g in wanted:
            caught = sum(1 for c in comparisons
                         if any(r["gating"] and r["status"] in ("regressed", "over_budget") and group(r) == g
                                for r in c["results"]))
            lines.append(f"| {label} | {g} | {len(comparisons)} | {rate(caught, len(comparisons))} |")
    lines.append("")

    lines.append(f"Modelled smallest change caught with 95% power by the run-level test against this baseline "
                 f"(first Holm step of a family of {family}, alpha {alpha}):\n")
    lines.append("| benchmark | metric | gated statistic | run-to-run s (log) | limit | smallest caught, 5 runs "
                 "| with 20 runs (`--history`) |\n| --- | --- | --- | --- | --- | --- | --- |")
    for r in sorted(first["results"], key=lambda r: (r["benchmark"], r["metric"])):
        if not (r["gating"] and r.get("test", {}).get("unit") in ("run", "boot")):
            continue
        s = run_spread(run_values(args.baseline, r["benchmark"], r["metric"], r["statistic"]))
        if s is None:
            continue
        limit = r.get("limit", {}).get("maxRegression", 0)
        few, many = (max(smallest_detectable(s, k, family, alpha), limit) for k in (5, 20))
        lines.append(f"| {r['benchmark']} | {r['metric']} | {r['statistic']} | {100 * s:.1f}% | {100 * limit:.0f}% | "
                     f"{100 * few:.0f}% | {100 * many:.0f}% |")
    text = "\n".join(lines) + "\n"
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()
