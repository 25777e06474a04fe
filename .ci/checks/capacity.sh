#!/usr/bin/env bash
# bench calibrate and bench capacity in their --quick modes (each under 2 minutes on 2 cores):
# the gate's A/A false failures and detection of an injected 10% slowdown on coordination/*
# (wall time and valgrind instruction counts), and both agent-count ramps up to 16 agents; then
# instruction counts of belief/update and a 2% injected slowdown they must catch. Prints the
# figures; fails when a command fails or a document lacks what it must say. Writes under .bench/
# only (the committed docs/BASELINES.md and docs/CAPACITY.md come from the commands without --quick).
# Expects .build/release/bench (.ci/run builds it first); installs valgrind and binutils (objcopy).
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=.build/release/bench
[ -x "$bench" ] || swift build -c release --product bench
[ -x .build/release/perfgate-instructions ] || swift build -c release --product perfgate-instructions
if ! command -v valgrind >/dev/null || ! command -v objcopy >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends valgrind binutils >/dev/null
fi

echo "== capacity: bench calibrate --quick (load average $(cut -d' ' -f1 /proc/loadavg))"
start=$SECONDS
"$bench" calibrate --quick --output .bench/calibration/BASELINES.md
echo "bench calibrate --quick took $((SECONDS - start)) s"
for needed in "A/A comparisons" "scaling/coordination/contract-net" "<!-- thresholds:begin -->" "## Method" \
  "## What instruction counts catch that wall time cannot" "coordination (instructions)"; do
  grep -q -- "$needed" .bench/calibration/BASELINES.md || { echo "capacity: BASELINES.md lacks \"$needed\"" >&2; exit 1; }
done
grep '^- `coordination' .bench/calibration/BASELINES.md

echo "== capacity: bench capacity --quick"
start=$SECONDS
"$bench" capacity --quick --output .bench/capacity/CAPACITY.md
echo "bench capacity --quick took $((SECONDS - start)) s"
for needed in "**Coordination.** Largest count that meets every coordination objective" \
  "**API.** Largest count that meets every API objective" "## Coordination ramp" "## API ramp" "## Method"; do
  grep -qF -- "$needed" .bench/capacity/CAPACITY.md || { echo "capacity: CAPACITY.md lacks \"$needed\"" >&2; exit 1; }
done
grep -q "<svg" .bench/capacity/capacity.svg || { echo "capacity: no SVG chart" >&2; exit 1; }
grep -c "<polyline" .bench/capacity/capacity.svg | grep -qx 2 || { echo "capacity: the chart lacks a ramp's curve" >&2; exit 1; }
sed -n '/^## Verdict/,/^## Objectives/p' .bench/capacity/CAPACITY.md | grep -v '^#' | grep -v '^$' 
echo "capacity: calibration and capacity documents written under .bench/"

echo "== capacity: bench run --instructions (valgrind callgrind) on belief/update"
start=$SECONDS
"$bench" run --suite quick --filter 'belief/update*' --instructions --output .bench/capacity/instructions.json --quiet
echo "bench run --instructions took $((SECONDS - start)) s"
python3 - <<'PY'
import json
run = json.load(open(".bench/capacity/instructions.json"))
counts = [b["metrics"]["instructions"]["samples"] for b in run["benchmarks"] if "instructions" in b["metrics"]]
if not counts:
    raise SystemExit("capacity: no instructions metric in the results")
samples = counts[0]
spread = (max(samples) - min(samples)) / min(samples)
print(f"instructions per belief update: {min(samples):.1f} to {max(samples):.1f} (relative spread {spread:.2e})")
if spread > 0.001:
    raise SystemExit("capacity: instruction counts vary by more than 0.1%")
PY

echo "== capacity: a 2% slowdown that instruction counts catch"
"$bench" run --suite quick --filter 'belief/update*' --instructions --inject-slowdown 0.02 \
  --output .bench/capacity/instructions-slowed.json --quiet
status=0
"$bench" compare .bench/capacity/instructions.json .bench/capacity/instructions-slowed.json --format text \
  > .bench/capacity/instructions-compare.txt || status=$?
grep -E "instructions|update_seconds" .bench/capacity/instructions-compare.txt | head -4
[ "$status" -eq 1 ] || { echo "capacity: bench compare should fail (exit 1) on +2% instructions, got $status" >&2; exit 1; }
grep -Eq "regressed +belief/update +instructions" .bench/capacity/instructions-compare.txt \
  || { echo "capacity: the instructions metric did not regress" >&2; exit 1; }
