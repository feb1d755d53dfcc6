#!/usr/bin/env bash
# Cold starts of the executable jar: milliseconds from launching the JVM to the first 200 of /actuator/health/liveness,
# each from a fresh working directory (new H2 file), and their median.
# Usage: bench/startup.sh [runs] [extra JVM options ...]   e.g. bench/startup.sh 3 -XX:AOTCache=application/app.aot
# An AOT cache is used only with the class path it was trained with, as written then: train with the jar's absolute
# path (as this script passes it). With -XX:AOTCache the script adds -XX:AOTMode=on, so that a cache the JVM cannot use
# stops the start instead of being skipped silently (a mismatch otherwise measures a start without it).
# JAVA: a JDK 21+ java (default: java on the PATH); JAR: the jar (default: target/studienlotse-*.jar);
# JAR_ARGS: extra application arguments.
set -euo pipefail
runs=${1:-3}; shift || true
java=${JAVA:-java}
jar=${JAR:-$(ls target/studienlotse-*.jar | grep -v original | head -1)}
jar=$(realpath "$jar")
port=${PORT:-18080}
times=()
aot=()
for option in "$@"; do
  if [[ $option == -XX:AOTCache=* ]]; then aot=(-XX:AOTMode=on); fi
done
for option in "$@"; do
  if [[ $option == -XX:AOTMode=* ]]; then aot=(); fi
done
for i in $(seq "$runs"); do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$dir" && exec "$java" --add-modules jdk.incubator.vector -XX:+UseSerialGC "$@" ${aot[@]+"${aot[@]}"} -jar "$jar" \
      --server.port="$port" ${JAR_ARGS:-} >"$dir/log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/actuator/health/liveness"; do
    kill -0 "$pid" 2>/dev/null || { echo "the service stopped:" >&2; tail -20 "$dir/log" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  started=$(grep -o 'Started StudienlotseApplication in [0-9.]* seconds' "$dir/log" | grep -o '[0-9.]* seconds' || true)
  printf 'run %d: healthy after %5d ms (Spring: %s)\n' "$i" "$ms" "$started"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median of $runs: $median ms"
