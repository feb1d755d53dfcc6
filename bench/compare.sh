#!/usr/bin/env bash
# Two builds side by side on a busy machine: both jars run at once with the same JVM flags and are measured in
# alternating rounds (bench/load.sh against each, one run per round), so both meet the same background load.
# Prints the median of the rounds per jar and the ratio candidate / baseline, and the RSS of each after the load.
#
#   bench/compare.sh baseline.jar candidate.jar        (ROUNDS=3, DURATION=5s, WARMUP=3s, JAVA_OPTS as in load.sh)
#
# Before the rounds each jar is warmed up once, in turn, for FIRST_WARMUP (30s) per endpoint: the JIT needs about a
# minute of load before the figures stop rising, more than a round's own short warm-up gives.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${ROUNDS:-3}
java_opts=${JAVA_OPTS:--Xms64m -Xmx192m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m}
java_bin=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
health=${HEALTH_PATH:-/actuator/health/liveness}
pids=() dirs=() ports=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 5
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  for d in "${dirs[@]}"; do rm -rf "$d"; done
}
trap cleanup EXIT
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

for jar in "$1" "$2"; do
  port=
  while [[ -z $port ]]; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && port=
  done
  data=$(mktemp -d)
  # shellcheck disable=SC2086 # java_opts holds several flags
  "$java_bin" $java_opts --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar "$jar" \
    --server.port="$port" --studienlotse.data-dir="$data" --studienlotse.web.rate-limit.enabled=false \
    --logging.level.root=WARN >"$data/service.log" 2>&1 &
  pids+=($!) dirs+=("$data") ports+=("$port")
done
for i in 0 1; do
  until curl -fs -o /dev/null "http://127.0.0.1:${ports[$i]}$health"; do
    kill -0 "${pids[$i]}" 2>/dev/null || { cat "${dirs[$i]}/service.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "$( [[ $i == 0 ]] && echo baseline || echo candidate): $(basename "${*:$((i + 1)):1}") up, RSS $(rss_mib "${pids[$i]}") MiB"
done

# the long warm-up, once per jar; a response that is not 2xx counts here too, but only the rounds are reported
question='Welche Herausforderungen gab es bei der Rechnungsverarbeitung?'
for i in 0 1; do
  base="http://127.0.0.1:${ports[$i]}"
  for path in "$health" "/api/search?q=Welche%20Herausforderungen%20gab%20es%20bei%20der%20Rechnungsverarbeitung&k=10"; do
    METHOD=GET wrk -t2 -c32 -d"${FIRST_WARMUP:-30s}" -s "$here/status.lua" "$base$path" | grep RESULT || true
  done
  for accept in application/json text/event-stream; do
    METHOD=POST BODY="{\"message\":\"$question\"}" ACCEPT=$accept wrk -t2 -c32 -d"${FIRST_WARMUP:-30s}" \
      -s "$here/status.lua" "$base/api/chat$([[ $accept == text/event-stream ]] && echo /stream)" | grep RESULT || true
  done
done >&2

out=$(mktemp -d)
for r in $(seq 1 "$rounds"); do
  for i in 0 1; do
    RUNS=1 DURATION=${DURATION:-5s} WARMUP=${WARMUP:-3s} BASE_URL="http://127.0.0.1:${ports[$i]}" HEALTH_PATH=$health \
      "$here/load.sh" >"$out/$i.$r" 2>"$out/err.$i.$r" || echo "round $r, jar $((i + 1)): $(tail -3 "$out/err.$i.$r")" >&2
  done
done

# per line name: median of each column over the rounds, then candidate / baseline
summary() { # index
  cat "$out/$1".* | awk -v FS='\n' '
    /^(GET|POST)/ { name = substr($0, 1, 32); n = split(substr($0, 33), f, " "); for (k = 1; k <= n; k++) v[name, k, ++c[name, k]] = f[k]; names[name] = 1 }
    /first byte/ { s = $0; sub(/.*p50: /, "", s); sub(/ ms.*/, "", s); v["stream first byte p50", 1, ++c["stream first byte p50", 1]] = s
                   names["stream first byte p50"] = 1 }
    END { for (name in names) { printf "%s", name
            for (k = 1; k <= 5; k++) { m = c[name, k]; if (!m) continue; for (x = 1; x <= m; x++) a[x] = v[name, k, x]
              for (x = 1; x <= m; x++) for (y = x + 1; y <= m; y++) if (a[y] + 0 < a[x] + 0) { t = a[x]; a[x] = a[y]; a[y] = t }
              printf "|%s", a[int((m + 1) / 2)] }
            printf "\n" } }' | sort
}
summary 0 >"$out/base"
summary 1 >"$out/cand"
printf '%-32s | %-40s | %-40s | %s\n' "median of $rounds rounds" "baseline req/s p50 p95 p99 errors" "candidate req/s p50 p95 p99 errors" "ratio req/s, p50"
join -t'|' "$out/base" "$out/cand" | awk -F'|' '{
  if (NF == 3) { printf "%-32s | %-40s | %-40s | p50 %.2f\n", $1, $2 " ms", $3 " ms", ($2 > 0 ? $3 / $2 : 0); next }
  printf "%-32s | %-40s | %-40s | %.2f, %.2f\n", $1, $2 " " $3 " " $4 " " $5 " " $6, $7 " " $8 " " $9 " " $10 " " $11,
    ($2 > 0 ? $7 / $2 : 0), ($3 > 0 ? $8 / $3 : 0) }'
echo "RSS after the load: baseline $(rss_mib "${pids[0]}") MiB, candidate $(rss_mib "${pids[1]}") MiB ($java_opts)"
rm -rf "$out"
