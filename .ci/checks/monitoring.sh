#!/usr/bin/env bash
# Production-monitoring outputs checked by the tools that consume them (see
# ../shared/reference/monitoring.md): exposition text (promtool, strict OpenMetrics parser), alert
# rules and their unit tests (promtool), Alertmanager config and routing (amtool), Grafana dashboard
# (JSON Schema + layout), and a real push to a throwaway Pushgateway on 127.0.0.1:19091.
# Installs: prometheus, prometheus-alertmanager, prometheus-pushgateway (Debian, no recommends) and a
# venv .venv-monitoring with the reference's pinned pip packages. Needs .build/release/bench
# (BENCH=… overrides). Trace and log checks belong to other features and are not run here.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench=${BENCH:-.build/release/bench}
shared=${PERFGATE_SHARED:-$root/../shared}  # CI lays shared/ beside the clone; override for a worktree.
kit="$shared/reference/monitoring-kit"
schemas="$shared/reference/grafana-jsonschema"

need=()
command -v promtool >/dev/null || need+=(prometheus)
command -v amtool >/dev/null || need+=(prometheus-alertmanager)
command -v prometheus-pushgateway >/dev/null || need+=(prometheus-pushgateway)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "monitoring: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
promtool --version 2>&1 | head -1
amtool --version 2>&1 | head -1

python=""
if [ -d "$kit" ] && [ -d "$schemas" ]; then
  if [ ! -x .venv-monitoring/bin/python ]; then
    python3 -m venv .venv-monitoring
  fi
  .venv-monitoring/bin/pip install -q prometheus-client==0.26.0 opentelemetry-proto==1.45.2 \
      opentelemetry-proto-json==0.66b2 'jsonschema[format]==4.26.0' grafana-foundation-sdk==0.0.21
  python=.venv-monitoring/bin/python
else
  echo "monitoring: SKIP the OpenMetrics and dashboard checkers: $kit or $schemas is absent (CI keeps shared/ beside the clone)"
fi

art=$(mktemp -d)
gateway_pid=""
cleanup() {
  if [ -n "$gateway_pid" ]; then kill "$gateway_pid" 2>/dev/null || true; wait "$gateway_pid" 2>/dev/null || true; fi
  rm -rf "$art"
}
trap cleanup EXIT

echo "monitoring: generating artifacts with $bench into $art"
"$bench" run --suite quick --samples 3 --agents 1,10 --quiet --output "$art/results.json" 2>/dev/null
"$bench" export prometheus "$art/results.json" --output "$art/metrics.prom"
"$bench" export openmetrics "$art/results.json" --output "$art/metrics.om"
"$bench" alerts --output "$art/rules.yml"
"$bench" alerts --tests --output "$art/rules_test.yml"
"$bench" alerts --alertmanager --output "$art/alertmanager.yml"
"$bench" dashboard --output "$art/dashboard.json"

pass=0; fail=0
check() {
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then pass=$((pass + 1)); echo "ok   $name"
  else fail=$((fail + 1)); echo "FAIL $name"; printf '%s\n' "$out" | sed 's/^/     /'; fi
}
check "exposition lint (promtool check metrics)" bash -c "promtool check metrics < '$art/metrics.prom'"
check "rules syntax (promtool check rules --lint=all --lint-fatal)" promtool check rules --lint=all --lint-fatal "$art/rules.yml"
check "rules unit tests (promtool test rules)" promtool test rules "$art/rules_test.yml"
check "alertmanager config (amtool check-config)" amtool check-config "$art/alertmanager.yml"
check "critical routes to pager" amtool config routes test --config.file="$art/alertmanager.yml" --verify.receivers=pager severity=critical service=agents
check "warning routes to chat" amtool config routes test --config.file="$art/alertmanager.yml" --verify.receivers=chat severity=warning service=agents
if [ -n "$python" ]; then
  check "OpenMetrics strict parse (om_check.py)" "$python" "$kit/om_check.py" "$art/metrics.om"
  check "dashboard schema + layout (dashboard_check.py)" "$python" "$kit/dashboard_check.py" "$schemas" "$art/dashboard.json"
fi

# A throwaway Pushgateway on loopback: push, read the series back, then a refused push.
prometheus-pushgateway --web.listen-address=127.0.0.1:19091 --persistence.file="" >"$art/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 50); do
  curl -fsS http://127.0.0.1:19091/-/ready >/dev/null 2>&1 && break
  sleep 0.1
done
check "push to the Pushgateway (bench export prometheus --push)" \
  "$bench" export prometheus "$art/results.json" --push http://127.0.0.1:19091
check "the pushed series are on the Pushgateway" bash -c \
  "curl -fsS http://127.0.0.1:19091/metrics | grep -E '^agent_coordination_limit\\{.*job=\"perfgate\".*\\} 50$'"
kill "$gateway_pid"; wait "$gateway_pid" 2>/dev/null || true; gateway_pid=""
refused() {
  set +e
  "$bench" export prometheus "$art/results.json" --push http://127.0.0.1:19091 >"$art/out" 2>"$art/err"
  local status=$?
  set -e
  cat "$art/err"
  [ "$status" -eq 2 ] && [ "$(wc -l <"$art/err")" -eq 1 ] && grep -q '^bench: error: push to http://127.0.0.1:19091' "$art/err"
}
check "a refused push is status 2 with one error line" refused

echo "monitoring: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
