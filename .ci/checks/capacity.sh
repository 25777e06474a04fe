#!/usr/bin/env bash
# bench calibrate and bench capacity in their --quick modes (each under 2 minutes on 2 cores):
# the gate's A/A false failures and detection of an injected 10% slowdown on coordination/*, and
# the agent-count ramp of the coordination scenario up to 16 agents. Prints the figures; fails
# when a command fails or a document lacks what it must say. Writes under .bench/ only (the
# committed docs/BASELINES.md and docs/CAPACITY.md come from the commands without --quick).
# Expects .build/release/bench (.ci/run builds it first).
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=.build/release/bench
[ -x "$bench" ] || swift build -c release --product bench

echo "== capacity: bench calibrate --quick (load average $(cut -d' ' -f1 /proc/loadavg))"
start=$SECONDS
"$bench" calibrate --quick --output .bench/calibration/BASELINES.md
echo "bench calibrate --quick took $((SECONDS - start)) s"
for needed in "A/A comparisons" "scaling/coordination/contract-net" "<!-- thresholds:begin -->" "## Method"; do
  grep -q -- "$needed" .bench/calibration/BASELINES.md || { echo "capacity: BASELINES.md lacks \"$needed\"" >&2; exit 1; }
done

echo "== capacity: bench capacity --quick"
start=$SECONDS
"$bench" capacity --quick --output .bench/capacity/CAPACITY.md
echo "bench capacity --quick took $((SECONDS - start)) s"
grep -q "Largest agent count that meets every objective" .bench/capacity/CAPACITY.md \
  || { echo "capacity: CAPACITY.md has no verdict" >&2; exit 1; }
grep -q "<svg" .bench/capacity/capacity.svg || { echo "capacity: no SVG chart" >&2; exit 1; }
echo "capacity: calibration and capacity documents written under .bench/"
