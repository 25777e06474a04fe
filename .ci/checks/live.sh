#!/usr/bin/env bash
# Live production monitoring checked by the real tools (see ../shared/reference/monitoring.md):
#  - traces of a 10-agent `bench run` in OTLP/JSON (otlp_check.py) and Chrome trace events
#    (chrome_trace_check.py), with the parent structure round > announce, bid x10, award, act;
#  - JSON logs of `bench run` and `bench serve` (jsonl_check.py + log.schema.json), trace ids matching;
#  - a scrape of `bench serve --soak` in 0.0.4 (promtool check metrics) and OpenMetrics (om_check.py),
#    with the exact Content-Types, and every metric the dashboard queries present in it;
#  - end to end: a real Prometheus on 127.0.0.1:19190 scrapes `bench serve --soak` and its HTTP API
#    returns agent_coordination_requests_total.
# Installs: prometheus (Debian, no recommends), curl, and the venv .venv-monitoring with the
# reference's pinned pip packages. Needs .build/release/bench (BENCH=… overrides). Kills only the
# PIDs it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench=${BENCH:-.build/release/bench}
shared=${PERFGATE_SHARED:-$root/../shared}  # CI lays shared/ beside the clone; override for a worktree.
kit="$shared/reference/monitoring-kit"

need=()
command -v prometheus >/dev/null || need+=(prometheus)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "live: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
prometheus --version 2>&1 | head -1
if [ ! -d "$kit" ]; then
  echo "live: FAIL: the monitoring kit is not at $kit (set PERFGATE_SHARED)"; exit 1
fi
if [ ! -x .venv-monitoring/bin/python ]; then python3 -m venv .venv-monitoring; fi
.venv-monitoring/bin/pip install -q prometheus-client==0.26.0 opentelemetry-proto==1.45.2 \
    opentelemetry-proto-json==0.66b2 'jsonschema[format]==4.26.0' grafana-foundation-sdk==0.0.21
python=.venv-monitoring/bin/python

art=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ -n "${KEEP:-}" ] || rm -rf "$art"
}
trap cleanup EXIT

pass=0; fail=0
check() {
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then pass=$((pass + 1)); echo "ok   $name"; printf '%s\n' "$out" | tail -1 | sed 's/^/     /'
  else fail=$((fail + 1)); echo "FAIL $name"; printf '%s\n' "$out" | sed 's/^/     /'; fi
}

echo "live: generating traces and logs of a 10-agent coordination run into $art"
run=("$bench" run --filter 'coordination/*' --agents 10 --suite quick --samples 3)
"${run[@]}" --output "$art/r1.json" --trace "$art/trace.json" --log-format json 2>"$art/logs.jsonl" >"$art/run.out"
"${run[@]}" --output "$art/r2.json" --trace "$art/trace.chrome.json" --trace-format chrome --quiet >"$art/run2.out" 2>/dev/null
check "OTLP/JSON trace (otlp_check.py)" "$python" "$kit/otlp_check.py" "$art/trace.json"
check "Chrome trace events (chrome_trace_check.py)" "$python" "$kit/chrome_trace_check.py" "$art/trace.chrome.json"
check "bench run JSON logs (jsonl_check.py)" "$python" "$kit/jsonl_check.py" "$kit/log.schema.json" "$art/logs.jsonl"
check "the run report names the dominant phase" grep -E '^phases: coordination/contract-net\[agents=10\]: (announce|bid|award|act) [0-9]+% of round time' "$art/run2.out"
structure() {
  "$python" - "$art/trace.json" "$art/logs.jsonl" <<'PY'
import json, sys
from collections import defaultdict
spans = [s for rs in json.load(open(sys.argv[1]))["resourceSpans"] for ss in rs["scopeSpans"] for s in ss["spans"]]
by_id = {s["spanId"]: s for s in spans}
children = defaultdict(list)
roots = []
for s in spans:
    (children[s["parentSpanId"]].append(s) if "parentSpanId" in s else roots.append(s))
assert roots, "no root span"
for root in roots:
    assert root["name"] == "coordination.round", root["name"]
    names = [c["name"] for c in children[root["spanId"]]]
    for phase in ("coordination.announce", "coordination.award", "coordination.act"):
        assert names.count(phase) == 1, (phase, names)
    bids = [c for c in children[root["spanId"]] if c["name"] == "coordination.bid"]
    agents = sorted(a["value"]["stringValue"] for b in bids for a in b["attributes"] if a["key"] == "perfgate.agent_id")
    assert len(bids) == 10 and len(set(agents)) == 10, (len(bids), agents)
    for c in children[root["spanId"]]:
        assert c["traceId"] == root["traceId"]
        assert int(root["startTimeUnixNano"]) <= int(c["startTimeUnixNano"]) <= int(c["endTimeUnixNano"]) <= int(root["endTimeUnixNano"])
    assert not children.get(c["spanId"]), "phases have no children"
logged = set()
for line in open(sys.argv[2]):
    entry = json.loads(line)
    if "span_id" in entry:
        span = by_id.get(entry["span_id"])
        assert span and span["traceId"] == entry["trace_id"], entry
        logged.add(entry["span_id"])
assert logged, "no log line carries a span id"
print(f"{len(roots)} rounds, each with announce, 10 bids, award, act; {len(logged)} log lines join their spans")
PY
}
check "trace parent structure and log/trace join" structure

echo "live: starting bench serve --soak"
"$bench" serve --soak --agents 10 --listen 127.0.0.1:0 --log-format json --trace "$art/soak.trace.json" \
  >"$art/serve.out" 2>"$art/serve.jsonl" & serve_pid=$!; pids+=("$serve_pid")
port=""
for _ in $(seq 100); do
  port=$(sed -n 's#^listening on http://127.0.0.1:\([0-9]*\)$#\1#p' "$art/serve.out")
  [ -n "$port" ] && break; sleep 0.1
done
[ -n "$port" ] || { echo "live: FAIL: bench serve printed no port"; cat "$art/serve.jsonl"; exit 1; }
sleep 1
curl -fsS -o /dev/null "http://127.0.0.1:$port/api/v1/health"  # API traffic, so the API latency histogram has series
curl -fsS -D "$art/prom.headers" -o "$art/metrics.prom" "http://127.0.0.1:$port/metrics"
curl -fsS -D "$art/om.headers" -o "$art/metrics.om" -H 'Accept: application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5' \
  "http://127.0.0.1:$port/api/v1/monitoring/metrics"
check "scrape Content-Type is text 0.0.4" grep -qi '^Content-Type: text/plain; version=0.0.4; charset=utf-8' "$art/prom.headers"
check "negotiated Content-Type is OpenMetrics 1.0" grep -qi '^Content-Type: application/openmetrics-text; version=1.0.0; charset=utf-8' "$art/om.headers"
check "live scrape lint (promtool check metrics)" bash -c "promtool check metrics < '$art/metrics.prom'"
check "live OpenMetrics strict parse (om_check.py)" "$python" "$kit/om_check.py" "$art/metrics.om"
"$bench" dashboard --output "$art/dashboard.json"
dashboard_names() {
  "$python" - "$art/dashboard.json" "$art/metrics.prom" <<'PY'
import json, re, sys
exprs = []
def walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("expr", "query") and isinstance(value, str): exprs.append(value)
            else: walk(value)
    elif isinstance(node, list):
        for item in node: walk(item)
walk(json.load(open(sys.argv[1])))
scraped = {line.split("{")[0].split(" ")[0] for line in open(sys.argv[2]) if line.strip() and not line.startswith("#")}
words = {w for e in exprs for w in re.findall(r"[a-zA-Z_:][a-zA-Z0-9_:]*", re.sub(r'"[^"]*"|\{[^}]*\}|\[[^\]]*\]', "", e))}
queried = {w for w in words if w.endswith(("_total", "_seconds", "_bytes", "_bucket", "_sum", "_count", "_limit", "_sessions"))}
missing = sorted(queried - scraped)
assert queried and not missing, f"queried but not scraped: {missing}"
print(f"{len(queried)} queried metric names, all in the live scrape")
PY
}
check "every dashboard metric is in the live scrape" dashboard_names

cat >"$art/prometheus.yml" <<YML
global: {scrape_interval: 1s}
scrape_configs:
  - {job_name: perfgate, static_configs: [{targets: ['127.0.0.1:$port'], labels: {service: perfgate}}]}
YML
prometheus --config.file="$art/prometheus.yml" --storage.tsdb.path="$art/tsdb" \
  --web.listen-address=127.0.0.1:19190 >"$art/prometheus.log" 2>&1 & prom_pid=$!; pids+=("$prom_pid")
result=""
for _ in $(seq 200); do  # the first scrape lands ~6 s after start
  result=$(curl -s http://127.0.0.1:19190/api/v1/query --data-urlencode 'query=agent_coordination_requests_total' |
    "$python" -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "")' 2>/dev/null || true)
  [ -n "$result" ] && break; sleep 0.1
done
check "end to end: Prometheus 127.0.0.1:19190 scraped the soak (agent_coordination_requests_total = ${result:-none})" test -n "$result"
kill "$prom_pid"; wait "$prom_pid" 2>/dev/null || true
kill -TERM "$serve_pid"; set +e; wait "$serve_pid"; serve_status=$?; set -e
check "bench serve ends cleanly on SIGTERM (status $serve_status)" test "$serve_status" = 0
check "bench serve JSON logs (jsonl_check.py)" "$python" "$kit/jsonl_check.py" "$kit/log.schema.json" "$art/serve.jsonl"
check "soak trace (otlp_check.py)" "$python" "$kit/otlp_check.py" "$art/soak.trace.json"

echo "live: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
