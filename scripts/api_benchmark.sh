#!/usr/bin/env bash
# API latency figures (a benchmark, not a test: it prints, it does not gate). In one run on this
# machine it measures:
#   1. the raw TCP echo floor and our client's round trip on GET /api/v1/health over one keep-alive
#      connection (server and client pinned to the same CPU), a step's round trip, the load
#      generator's own overhead per request, and JSON parsing of a step body (`bench __api-benchmark`);
#   2. wrk -t2 -c50 -d5s on /api/v1/health of `bench serve`, and our load generator on the same URL
#      with 50 connections for 5 s;
#   3. the same two tools against nginx serving a static file with the same body on loopback
#      (a C baseline: a throwaway nginx with a config in a temporary folder, killed after).
# Needs wrk and nginx (Debian: apt-get install -y wrk nginx-light); skips what is missing.
# Usage: scripts/api_benchmark.sh [SECONDS]   (default 5 s per load run)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
seconds=${1:-5}
bench=${BENCH:-.build/release/bench}
[ -x "$bench" ] || swift build -c release --product bench >&2
tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

# A free loopback port: nothing accepts a connection there.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "api_benchmark: no free port found" >&2; exit 1
}

# Waits until 127.0.0.1:$1 accepts connections (at most 10 s).
wait_port() {
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "api_benchmark: nothing listens on port $1" >&2; exit 1
}

# wrk's requests/s, p50 and p99 on one line.
run_wrk() {
  wrk -t2 -c50 -d"${seconds}s" --latency "$1" >"$tmp/wrk.txt"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
       /Non-2xx/ {errors=$NF} END {printf "throughput %d/s p50 %s p99 %s non2xx %s\n", rps, p50, p99, errors+0}' "$tmp/wrk.txt"
}

echo "== floors (same run, server and client on one pinned CPU)"
"$bench" __api-benchmark

echo "== bench serve (1 event loop, unpinned), 50 connections, ${seconds} s each"
"$bench" serve --listen 127.0.0.1:0 --agents 1 >"$tmp/serve.out" 2>"$tmp/serve.err" &
pids+=($!)
for _ in $(seq 1 100); do grep -q '^listening on ' "$tmp/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$tmp/serve.out")
[ -n "$url" ] || { echo "api_benchmark: bench serve did not start" >&2; cat "$tmp/serve.err" >&2; exit 1; }
if command -v wrk >/dev/null; then
  echo "wrk_health: $(run_wrk "$url/api/v1/health")"
else
  echo "wrk_health: skipped (wrk not installed)"
fi
"$bench" __api-benchmark --load "$url/api/v1/health" --connections 50 --duration "$seconds"

echo "== nginx static file with the same body (1 worker), 50 connections, ${seconds} s each"
if command -v nginx >/dev/null && command -v wrk >/dev/null; then
  port=$(free_port)
  mkdir -p "$tmp/www"
  printf '{"status":"ok","agents":1,"maxAgents":4096,"model":"light"}' >"$tmp/www/health"
  # nginx's worker runs as an unprivileged user when started as root: let it read the file.
  chmod 755 "$tmp" "$tmp/www" && chmod 644 "$tmp/www/health"
  cat >"$tmp/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/body;
  proxy_temp_path $tmp/proxy;
  fastcgi_temp_path $tmp/fastcgi;
  uwsgi_temp_path $tmp/uwsgi;
  scgi_temp_path $tmp/scgi;
  keepalive_requests 1000000;
  open_file_cache max=16;
  open_file_cache_valid 60s;
  sendfile on;
  server {
    listen 127.0.0.1:$port;
    default_type application/json;
    location / { root $tmp/www; }
  }
}
CONF
  nginx -c "$tmp/nginx.conf" -p "$tmp" &
  pids+=($!)
  wait_port "$port"
  echo "wrk_nginx: $(run_wrk "http://127.0.0.1:$port/health")"
  "$bench" __api-benchmark --load "http://127.0.0.1:$port/health" --connections 50 --duration "$seconds" \
    | sed 's/^generator:/generator_nginx:/'
else
  echo "wrk_nginx: skipped (nginx or wrk not installed)"
fi
