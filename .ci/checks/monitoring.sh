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


# Live: a real Prometheus scrapes both exports (served with their Content-Types by the kit's
# serve_files.py) and the Pushgateway, evaluates our rules (for: 0s, 1 s interval), and sends to a
# real Alertmanager running our config with its receivers pointed at the same local listener.
if [ -n "$python" ] && command -v prometheus >/dev/null && command -v prometheus-alertmanager >/dev/null; then
  live=$art/live; mkdir -p "$live"; live_pids=()
  stop_live() { kill "${live_pids[@]}" 2>/dev/null || true; wait "${live_pids[@]}" 2>/dev/null || true; live_pids=(); }
  cp "$art/metrics.prom" "$art/metrics.om" "$live/"
  sed -E 's/^(\s+)for: .*/\1for: "0s"/; s/^(\s+)interval: .*/\1interval: "1s"/' "$art/rules.yml" >"$live/rules.yml"
  sed -E 's#https://events.pagerduty.com/v2/enqueue#http://127.0.0.1:19100/pager#; s#https://chat.example.org/hooks/[A-Z_]+#http://127.0.0.1:19100/chat#; s/group_wait: .*/group_wait: "1s"/; s/group_interval: .*/group_interval: "2s"/' \
    "$art/alertmanager.yml" >"$live/alertmanager.yml"
  cat >"$live/prometheus.yml" <<YML
global: {scrape_interval: 1s, evaluation_interval: 1s}
rule_files: [rules.yml]
alerting: {alertmanagers: [{static_configs: [{targets: ['127.0.0.1:19093']}]}]}
scrape_configs:
  - {job_name: text, metrics_path: /metrics.prom, static_configs: [{targets: ['127.0.0.1:19100'], labels: {service: perfgate}}]}
  - {job_name: openmetrics, metrics_path: /metrics.om, static_configs: [{targets: ['127.0.0.1:19100'], labels: {service: perfgate}}]}
  - {job_name: pushgateway, honor_labels: true, static_configs: [{targets: ['127.0.0.1:19091']}]}
YML
  "$python" "$kit/serve_files.py" 19100 "$live" & live_pids+=($!)
  prometheus-pushgateway --web.listen-address=127.0.0.1:19091 --persistence.file="" >"$live/pg.log" 2>&1 & live_pids+=($!)
  prometheus-alertmanager --config.file="$live/alertmanager.yml" --storage.path="$live/am" \
    --web.listen-address=127.0.0.1:19093 --cluster.listen-address= >"$live/am.log" 2>&1 & live_pids+=($!)
  prometheus --config.file="$live/prometheus.yml" --storage.tsdb.path="$live/tsdb" \
    --web.listen-address=127.0.0.1:19090 >"$live/prom.log" 2>&1 & live_pids+=($!)
  trap 'stop_live; cleanup' EXIT
  for port in 19091 19093 19090; do
    for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/-/ready" && break; sleep 0.1; done
  done
  query() {
    curl -s http://127.0.0.1:19090/api/v1/query --data-urlencode "query=$1" |
      "$python" -c 'import json,sys; print(" ".join(sorted(r["value"][1] for r in json.load(sys.stdin)["data"]["result"])))'
  }
  "$bench" export prometheus "$art/results.json" --push http://127.0.0.1:19091 2>/dev/null
  # Over the limits: service "ci" breaks the agent limit (critical) and memory (warning, inhibited);
  # service "nightly" breaks memory only (warning, to chat).
  printf '%s\n' '# TYPE agent_coordination_concurrent_sessions gauge' \
    'agent_coordination_concurrent_sessions{service="ci"} 60' '# TYPE agent_memory_bytes gauge' \
    'agent_memory_bytes{agent="a1",service="ci"} 40000000' 'agent_memory_bytes{agent="a2",service="nightly"} 40000000' |
    curl -fsS --data-binary @- http://127.0.0.1:19091/metrics/job/breach >/dev/null
  up=0
  for _ in $(seq 150); do  # the first scrape lands ~6 s after start
    up=$(curl -s http://127.0.0.1:19090/api/v1/targets | "$python" -c 'import json,sys; print(sum(t["health"]=="up" for t in json.load(sys.stdin)["data"]["activeTargets"]))')
    [ "$up" = 3 ] && break; sleep 0.1
  done
  check "live: Prometheus scrapes text, OpenMetrics and the Pushgateway" test "$up" = 3
  sleep 2
  check "live: text export ingested" test "$(query 'agent_coordination_limit{job="text"}')" = 50
  check "live: OpenMetrics export ingested" test "$(query 'agent_coordination_limit{job="openmetrics"}')" = 50
  check "live: bench push ingested" test "$(query 'agent_coordination_limit{job="perfgate"}')" = 50
  check "live: round p95 from the exported histogram" test -n "$(query 'histogram_quantile(0.95, sum by (le) (agent_coordination_duration_seconds_bucket{job="text"}))')"
  alerts=""
  for _ in $(seq 100); do
    alerts=$(curl -s http://127.0.0.1:19093/api/v2/alerts | "$python" -c '
import json,sys
print(" ".join(sorted("%s/%s/%s/%s" % (a["labels"]["alertname"], a["labels"].get("service"), a["status"]["state"], a["receivers"][0]["name"]) for a in json.load(sys.stdin))))')
    [[ $alerts == *AgentCoordinationLimitExceeded/ci/active/pager* && $alerts == *AgentMemoryPerAgentHigh/nightly/active/chat* && $alerts == *AgentMemoryPerAgentHigh/ci/suppressed/* ]] && break
    sleep 0.1
  done
  echo "     alerts: $alerts"
  check "live: critical alert routed to pager" bash -c "[[ '$alerts' == *AgentCoordinationLimitExceeded/ci/active/pager* ]]"
  check "live: warning of the same service inhibited" bash -c "[[ '$alerts' == *AgentMemoryPerAgentHigh/ci/suppressed/chat* ]]"
  check "live: warning of another service routed to chat" bash -c "[[ '$alerts' == *AgentMemoryPerAgentHigh/nightly/active/chat* ]]"
  for _ in $(seq 100); do
    grep -q '"/pager"' "$live/received.jsonl" 2>/dev/null && grep -q '"/chat"' "$live/received.jsonl" 2>/dev/null && break
    sleep 0.1
  done
  check "live: pager and chat notifications delivered" bash -c "grep -q '\"/pager\"' '$live/received.jsonl' && grep -q '\"/chat\"' '$live/received.jsonl'"
  stop_live
else
  echo "monitoring: SKIP the live smoke test: needs the shared kit's serve_files.py, prometheus and prometheus-alertmanager"
fi

echo "monitoring: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
