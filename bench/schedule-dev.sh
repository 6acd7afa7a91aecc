#!/usr/bin/env bash
# Scale bench of `bella cost schedule-dev`: 50 ECS services + 20 RDS instances behind a local fake AWS
# (WireMock standalone, every answer delayed 100 ms, the SDK's real JSON 1.1 / awsQuery wire shapes).
# Two fakes: one with everything running, one with everything stopped by bella (prev-* tags saved), so
# `run` does the full change whatever the hour: the script asks `plan --schedule-only` which way the
# schedule points now and runs against the fake that must change. Also times `stop` and `start`.
# Usage: bench/schedule-dev.sh [PARALLELISM]   (default 8). Prints wall times in milliseconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
parallelism=${1:-8}
JAVA_HOME=$(bash "$root/.ci/find-java"); export JAVA_HOME
wiremock=$(find "$HOME/.m2/repository/org/wiremock/wiremock-standalone" -name 'wiremock-standalone-*.jar' | sort | tail -1)
[ -n "$wiremock" ] || { echo "wiremock-standalone not in ~/.m2; run ./mvnw test once" >&2; exit 2; }
out="$root/bench/out/schedule-dev"; rm -rf "$out"; mkdir -p "$out"
"$root/bin/bella" --version >/dev/null   # builds the jar when needed

SERVICES=50; DBS=20; DELAY=100
source "$root/bench/fake-aws.sh"

fake "$out/running" running
fake "$out/stopped" stopped
serve "$out/running" running_port
serve "$out/stopped" stopped_port

export AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench
bella() { "$root/bin/bella" cost schedule-dev "$@" --config "$root/configs/bella.yaml" --env dev --parallelism "$parallelism"; }
timed() {  # label, port, args...
  local label=$1 port=$2; shift 2
  local t0 t1 code=0 file; file="$out/$(echo "$label" | tr -c 'a-z0-9\n' '-')"
  t0=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$file.cpu" "$root/bin/bella" cost schedule-dev "$@" --config "$root/configs/bella.yaml" \
      --env dev --parallelism "$parallelism" --endpoint-url "http://127.0.0.1:$port" --format json \
      >"$file.json" 2>"$file.err" || code=$?
  t1=$(date +%s%N)
  local changed; changed=$(grep -c '"outcome" : "changed"' "$file.json" || true)
  local cpu; cpu=$(awk '{printf "%.1f", $1 + $2}' "$file.cpu")
  printf '%-36s %6d ms wall  %5s s CPU   exit %d   %d of %d resources changed\n' "$label" $(( (t1 - t0) / 1000000 )) \
    "$cpu" "$code" "$changed" $((SERVICES + DBS))
}

t0=$(date +%s%N)
desired=$(bella plan --schedule-only --format json | sed -n 's/.*"desired" : "\([a-z]*\)".*/\1/p')
floor=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "fake AWS: $SERVICES ECS services + $DBS RDS instances, ${DELAY} ms per call; parallelism $parallelism"
echo "schedule says '$desired' now"
printf '%-34s %6d ms   (JVM start + spec load, no AWS call: the floor)\n' "plan --schedule-only" "$floor"
if [ "$desired" = stopped ]; then
  timed "run (stops everything)" "$running_port" run
else
  timed "run (starts everything)" "$stopped_port" run
fi
timed "stop (3 writes/service, 2/db)" "$running_port" stop
timed "start (4 writes/service, 3/db)" "$stopped_port" start
timed "run --dry-run on the converged side" "$([ "$desired" = stopped ] && echo "$stopped_port" || echo "$running_port")" run --dry-run
