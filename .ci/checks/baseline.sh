#!/usr/bin/env bash
# The stored-baseline gate as a user runs it: `bench baseline record` joins independent runs, and
# `bench compare` then tests wall time with the run as its unit; a broken --history file is status 2.
# Quick suite, 2 baseline runs + 1 candidate (about 1.5 minutes on 2 cores), in a scratch folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bench="$root/.build/release/bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

"$bench" baseline record --suite quick --runs 2 --quiet --name quick >"$work/record.out"
grep -q '^recorded 2 runs as baselines/quick.json' "$work/record.out"
python3 - "$work/baselines/quick.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert len(doc["run"]["runs"]) == 2, doc["run"].get("runs")
assert all("bootId" in part for part in doc["run"]["runs"])
metric = doc["benchmarks"][0]["metrics"]
some = next(iter(metric.values()))
assert set(some["sampleRuns"]) == {0, 1}, "sampleRuns"
assert "noise" in some and "withinBlock" in some["noise"], "noise components"
print("baseline: 2 runs joined, sampleRuns, bootId and noise present")
PY

"$bench" run --suite quick --quiet --output "$work/candidate.json" >/dev/null
set +e
"$bench" compare baselines/quick.json candidate.json --format json >"$work/comparison.json"
status=$?
set -e
[ "$status" -le 1 ] || { echo "baseline check: bench compare exited $status" >&2; exit 1; }
python3 - "$work/comparison.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
units = {r["metric"]: r["test"].get("unit", "sample") for r in doc["results"] if "test" in r}
assert units.get("round_seconds") == "run", units
assert units.get("bytes_per_agent") == "sample", units
tests = {r["test"]["name"] for r in doc["results"] if r["metric"] == "round_seconds"}
assert tests == {"run-level-t"}, tests
print(f"compare: wall time tested by run ({doc['verdict']}), memory by sample")
PY

mkdir history && printf '{"schema": "perfgate/results@1"' >history/broken.json
set +e
"$bench" compare baselines/quick.json candidate.json --history history 2>"$work/err" >/dev/null
status=$?
set -e
[ "$status" -eq 2 ] || { echo "baseline check: a broken history file gave status $status, not 2" >&2; exit 1; }
grep -q '^bench: error: history/broken.json' "$work/err"
echo "baseline check: all passed"
