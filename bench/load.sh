#!/usr/bin/env bash
# Load test of a running service (./mvnw spring-boot:run): search and offline chat side by side, same client settings.
# Needs `hey` (Debian package "hey"). Usage: bench/load.sh [base-url] [requests] [concurrency]
set -euo pipefail
base=${1:-http://localhost:8080}
n=${2:-2000}
c=${3:-8}
command -v hey >/dev/null || { echo "install hey: apt-get install -y hey" >&2; exit 2; }

run() { # name, then hey arguments
  local name=$1; shift
  local out; out=$(hey -n "$n" -c "$c" "$@")
  local p50 p95 rps
  p50=$(awk '/50% in/ {print $3 * 1000}' <<<"$out")
  p95=$(awk '/95% in/ {print $3 * 1000}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  printf '%-34s p50 %7.1f ms   p95 %7.1f ms   %8.1f req/s\n' "$name" "$p50" "$p95" "$rps"
}

# warm-up, so the JIT has compiled the paths before anything is measured
hey -n 300 -c "$c" "$base/api/search?q=Rechnungsverarbeitung%20Datenschutz" >/dev/null
hey -n 300 -c "$c" -m POST -T application/json -d '{"message":"Welche Tipps gibt das Logistikunternehmen?"}' "$base/api/chat" >/dev/null

run "GET /api/search (baseline)" "$base/api/search?q=Welche%20Herausforderungen%20gab%20es%20bei%20der%20Rechnungsverarbeitung&k=10"
run "POST /api/chat (offline answer)" -m POST -T application/json \
  -d '{"message":"Welche Herausforderungen gab es bei der Rechnungsverarbeitung?"}' "$base/api/chat"
