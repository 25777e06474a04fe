#!/usr/bin/env bash
# API latency checks with real outside tools: the api/* scenarios of the quick suite against the
# embedded server, the same scenarios with --target against a `bench serve` started in the
# background (stopped with SIGTERM, which must give status 0), a --requests file, and the API
# benchmark figures (wrk against bench serve and against nginx; printed, not gated).
# Installs curl and wrk (the tests use them) and nginx-light (the benchmark's C baseline).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"

need=()
command -v curl >/dev/null || need+=(curl)
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
if [ ${#need[@]} -gt 0 ]; then
  # Never let the package start its system-wide service: policy-rc.d 101 refuses service starts.
  created_policy=no
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && created_policy=yes
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  [ "$created_policy" = no ] || rm -f /usr/sbin/policy-rc.d
fi

bench=.build/release/bench
[ -x "$bench" ] || swift build -c release --product bench
tmp=$(mktemp -d)
serve_pid=
cleanup() {
  [ -z "$serve_pid" ] || { kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; }
  rm -rf "$tmp"
}
trap cleanup EXIT

# Checks that a results file has every planned api/* benchmark with the three metrics and no errors.
check_results() {
  local file=$1 expected=$2
  python3 - "$file" "$expected" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
benchmarks = {b["id"]: b for b in results["benchmarks"]}
expected = sys.argv[2].split()
missing = [i for i in expected if i not in benchmarks]
assert not missing, f"missing benchmarks: {missing}"
for i in expected:
    metrics = benchmarks[i]["metrics"]
    for name in ("latency_seconds", "throughput_per_second", "error_ratio"):
        assert metrics.get(name, {}).get("samples"), f"{i}: no {name} samples"
    assert max(metrics["error_ratio"]["samples"]) == 0, f"{i}: errors {metrics['error_ratio']['samples']}"
    s = metrics["latency_seconds"]["summary"]
    print(f"  {i}: p50 {s['p50']*1e6:.0f} us, p95 {s['p95']*1e6:.0f} us, "
          f"{metrics['throughput_per_second']['summary']['p50']:.0f} requests/s, "
          f"{s['count']} latency samples")
PY
}
quick="api/step[agents=1] api/step[agents=10] api/mixed[agents=1] api/mixed[agents=10]"

echo "api: bench run --filter 'api/*' --suite quick (embedded server)"
"$bench" run --filter 'api/*' --suite quick --quiet --output "$tmp/embedded.json"
check_results "$tmp/embedded.json" "$quick"

echo "api: bench serve in the background, then bench run --target"
"$bench" serve --listen 127.0.0.1:0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
serve_pid=$!
for _ in $(seq 1 100); do grep -q '^listening on http://127.0.0.1:' "$tmp/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$tmp/serve.out")
[ -n "$url" ] || { echo "api: bench serve printed no address" >&2; cat "$tmp/serve.err" >&2; exit 1; }
echo "  $url"
"$bench" run --filter 'api/*' --suite quick --quiet --target "$url" --output "$tmp/target.json"
check_results "$tmp/target.json" "$quick"
curl --silent --fail "$url/api/v1/health" | grep -q '"agents":0' \
  || { echo "api: the --target run left agents behind" >&2; exit 1; }

echo "api: --requests FILE against the same server"
cat >"$tmp/requests.json" <<'JSON'
{
  "schema": "perfgate/requests@1",
  "requests": [
    { "method": "POST", "path": "/api/v1/agents/{agent}/step", "body": { "observation": 3 } },
    { "method": "GET", "path": "/api/v1/agents/{agent}" }
  ]
}
JSON
"$bench" run --filter 'api/step*' --suite quick --quiet --target "$url" --requests "$tmp/requests.json" \
  --output "$tmp/requests-run.json"
check_results "$tmp/requests-run.json" "api/step[agents=1] api/step[agents=10]"

kill -TERM "$serve_pid"
set +e; wait "$serve_pid"; status=$?; set -e
serve_pid=
[ "$status" -eq 0 ] || { echo "api: bench serve exited $status on SIGTERM, expected 0" >&2; exit 1; }
echo "  bench serve stopped on SIGTERM with status 0: $(cat "$tmp/serve.err")"

echo "api: benchmark figures (printed, not gated)"
bash scripts/api_benchmark.sh 5
echo "api: all checks passed"
