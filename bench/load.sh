#!/usr/bin/env bash
# HTTP load test of the packaged service: starts the jar with the container's JVM flags, lifts the chat rate limit
# (studienlotse.web.rate-limit.enabled=false, or every question past the 30th is a 429), warms up, then measures
# health (liveness), search, offline chat and the offline stream with wrk and prints the median of RUNS runs.
# Every response that is not 2xx counts as an error, besides wrk's own socket errors and timeouts.
#
#   ./mvnw -q package -DskipTests && bench/load.sh target/studienlotse-0.1.0-SNAPSHOT.jar
#   BASE_URL=http://localhost:8080 bench/load.sh          # against a service that is already running (no RSS figures)
#
# Settings (environment): RUNS (3), DURATION (15s), THREADS (2), CONNECTIONS (32), WARMUP (30s per endpoint: the JIT
# needs about a minute of load in all before liveness stops rising; 10 s left the first runs at a third of the plateau),
# HEALTH_PATH (/actuator/health/liveness; a service without probes: /actuator/health),
# JAVA_OPTS (the flags for a small container, README "Benchmarks"), JAVA (a JDK 21+; default $JAVA_HOME/bin/java).
# Needs Debian's wrk; curl for the first byte of the stream.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${1:-}
runs=${RUNS:-3}
duration=${DURATION:-15s}
threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
warmup=${WARMUP:-30s}
health_path=${HEALTH_PATH:-/actuator/health/liveness}
java_opts=${JAVA_OPTS:--Xms64m -Xmx192m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m}
java_bin=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk" >&2; exit 2; }

question='Welche Herausforderungen gab es bei der Rechnungsverarbeitung?'
chat_body="{\"message\":\"$question\"}"
search_path='/api/search?q=Welche%20Herausforderungen%20gab%20es%20bei%20der%20Rechnungsverarbeitung&k=10'

pid=
cleanup() {
  if [[ -n $pid ]] && kill "$pid" 2>/dev/null; then
    # a service that hangs on shutdown (seen: H2 checkpoint lock after an overload) is killed after 20 s
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  [[ -n ${data:-} ]] && rm -rf "$data"
  true
}
trap cleanup EXIT

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

if [[ -n $jar ]]; then
  # a free port, so the probe below cannot reach another service that happens to listen there
  port=${PORT:-}
  while [[ -z $port ]]; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && port=
  done
  base="http://127.0.0.1:$port"
  data=$(mktemp -d)
  # shellcheck disable=SC2086 # java_opts holds several flags
  "$java_bin" $java_opts --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar "$jar" \
    --server.port="$port" --studienlotse.data-dir="$data" --studienlotse.web.rate-limit.enabled=false \
    --logging.level.root=WARN >"$data/service.log" 2>&1 &
  pid=$!
  started=$(date +%s%N)
  until curl -fs -o /dev/null "$base$health_path"; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/service.log" >&2; exit 1; }
    sleep 0.1
  done
  sleep 1
  kill -0 "$pid" 2>/dev/null || { cat "$data/service.log" >&2; exit 1; }
  echo "started in $(( ($(date +%s%N) - started) / 1000000 )) ms, RSS $(rss_mib "$pid") MiB ($java_opts)"
else
  base=${BASE_URL:-http://localhost:8080}
fi

# one wrk run; prints "rps p50 p95 p99 errors" (latencies in ms; errors = non-2xx + socket errors + timeouts)
measure() { # method, path, [body, accept]
  METHOD=$1 BODY=${3:-} ACCEPT=${4:-application/json} \
    wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/status.lua" "$base$2" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

# median of the lines on stdin, column by column
median() {
  awk '{ for (i = 1; i <= NF; i++) v[i, NR] = $i } END {
    for (i = 1; i <= NF; i++) { n = 0; for (r = 1; r <= NR; r++) a[++n] = v[i, r]
      for (x = 1; x <= n; x++) for (y = x + 1; y <= n; y++) if (a[y] < a[x]) { t = a[x]; a[x] = a[y]; a[y] = t }
      printf "%s%s", a[int((n + 1) / 2)], (i < NF ? " " : "\n") } }'
}

# time to the first byte of the stream while the chat is under load: what a user waits for the first word
first_byte() {
  METHOD=POST BODY=$chat_body ACCEPT=application/json \
    wrk -t"$threads" -c"$connections" -d"$duration" -s "$here/status.lua" "$base/api/chat" >/dev/null &
  local load=$!
  sleep 2
  for _ in $(seq 1 40); do
    curl -s -o /dev/null -w '%{time_starttransfer}\n' -H 'Content-Type: application/json' \
      -H 'Accept: text/event-stream' -d "$chat_body" "$base/api/chat/stream"
  done | awk '{print $1 * 1000}' | median
  wait "$load"
}

# warm-up, so the JIT has compiled every path before anything is measured
for path in "$health_path" "$search_path"; do
  METHOD=GET wrk -t"$threads" -c"$connections" -d"$warmup" -s "$here/status.lua" "$base$path" >/dev/null
done
METHOD=POST BODY=$chat_body wrk -t"$threads" -c"$connections" -d"$warmup" -s "$here/status.lua" "$base/api/chat" >/dev/null
METHOD=POST BODY=$chat_body ACCEPT=text/event-stream \
  wrk -t"$threads" -c"$connections" -d"$warmup" -s "$here/status.lua" "$base/api/chat/stream" >/dev/null

printf '%-32s %9s %8s %8s %8s %7s\n' "median of $runs (wrk -t$threads -c$connections -d$duration)" req/s p50_ms p95_ms p99_ms errors
report() { # name, then measure's arguments
  local name=$1; shift
  local lines=""
  for _ in $(seq 1 "$runs"); do lines+="$(measure "$@")"$'\n'; done
  printf '%-32s %9s %8s %8s %8s %7s\n' "$name" $(printf '%s' "$lines" | median)
}
report "GET $health_path" GET "$health_path"
report "GET /actuator/health (all)" GET /actuator/health
report "GET /api/search" GET "$search_path"
report "POST /api/chat (offline)" POST /api/chat "$chat_body"
report "POST /api/chat/stream (offline)" POST /api/chat/stream "$chat_body" text/event-stream
fb=""
for _ in $(seq 1 "$runs"); do fb+="$(first_byte)"$'\n'; done
echo "stream first byte under chat load, p50: $(printf '%s' "$fb" | median) ms"
[[ -n $pid ]] && echo "RSS after the load: $(rss_mib "$pid") MiB"
exit 0
