#!/usr/bin/env bash
# Speed figures: builds release, times scipy's Mann–Whitney (Benchmarks/Speed/scipy_mannwhitney.py)
# and then PerfGate's statistics and `bench compare` (perfgate-speed) in the same run, and prints
# one table with both side by side. Figures are printed, never asserted.
#
# Usage: Benchmarks/Speed/run.sh [perfgate-speed options, e.g. --repetitions 9]
# PYTHON names the interpreter that has numpy and scipy (default: python3); without them the
# scipy column says "not run".
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"
python=${PYTHON:-python3}

echo "== release build of perfgate-speed and bench"
swift build -c release --product perfgate-speed
swift build -c release --product bench

scipy_output=$(mktemp)
trap 'rm -f "$scipy_output"' EXIT
scipy_args=()
if "$python" -c 'import numpy, scipy' 2>/dev/null; then
  echo "== scipy (same run, before PerfGate)"
  "$python" Benchmarks/Speed/scipy_mannwhitney.py | tee "$scipy_output"
  scipy_args=(--scipy "$scipy_output")
else
  echo "run.sh: $python has no numpy/scipy: the scipy column is left empty (pip install numpy scipy)" >&2
fi

echo "== PerfGate (per call: median and minimum over repetitions; scipy: best of its repeats)"
.build/release/perfgate-speed all --bench .build/release/bench ${scipy_args[@]+"${scipy_args[@]}"} "$@"
