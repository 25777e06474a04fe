#!/usr/bin/env bash
# Smoke tests of the release `bench` as a user runs it: statuses of `bench compare` in every format
# on files made by scripts/make_results.py, and a broken file giving status 2 with one error line.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=.build/release/bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect() {
  local want=$1; shift
  set +e; "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?; set -e
  if [ "$got" != "$want" ]; then
    echo "smoke: expected status $want, got $got: $*" >&2
    sed 's/^/  out: /' "$tmp/out" | head -40 >&2; sed 's/^/  err: /' "$tmp/err" >&2
    exit 1
  fi
  echo "ok   status $got: ${*#$bench }"
}

"$bench" --version
python3 scripts/make_results.py "$tmp/base.json" --seed 1
python3 scripts/make_results.py "$tmp/same.json" --seed 2
python3 scripts/make_results.py "$tmp/slow.json" --seed 3 --slowdown 0.20 --timeouts 0.10
for format in text markdown json junit; do
  expect 0 "$bench" compare "$tmp/base.json" "$tmp/same.json" --format "$format"
  expect 1 "$bench" compare "$tmp/base.json" "$tmp/slow.json" --format "$format"
done
grep -q '"verdict": "fail"' <("$bench" compare "$tmp/base.json" "$tmp/slow.json" --format json || true)

printf '{"schema": "perfgate/results@1", "tool": ' >"$tmp/truncated.json"
expect 2 "$bench" compare "$tmp/base.json" "$tmp/truncated.json"
grep -q '^bench: error: .*truncated.json' "$tmp/err"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || { echo "smoke: the error is not one line" >&2; exit 1; }
expect 2 "$bench" compare "$tmp/base.json" "$tmp/missing.json"
expect 2 "$bench" compare "$tmp/base.json"
echo "smoke: all passed"
