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
n=0
stub() {  # dir, request matcher (JSON), response fields (JSON)
  n=$((n + 1))
  printf '{"request": {"method": "POST", "url": "/", %s},\n "response": {"status": 200, "fixedDelayMilliseconds": %d, %s}}\n' \
    "$2" "$DELAY" "$3" > "$1/mappings/m$n.json"
}
target() { printf '"headers": {"X-Amz-Target": {"equalTo": "%s"}}' "$1"; }
action() { printf '"bodyPatterns": [{"contains": "Action=%s&"}]' "$1"; }
jsonBody() { printf '"headers": {"Content-Type": "application/x-amz-json-1.1"}, "jsonBody": %s' "$1"; }
xmlBody() { printf '"headers": {"Content-Type": "text/xml"}, "body": "%s"' "$1"; }

fake() {  # dir, state (running|stopped)
  local dir=$1 state=$2 list="" tags desired min status
  mkdir -p "$dir/mappings" "$dir/__files"
  if [ "$state" = running ]; then
    tags='{"Key":"Environment","Value":"dev"},{"Key":"bella:managed","Value":"true"}'; desired=2; min=1; status=available
  else
    tags='{"Key":"Environment","Value":"dev"},{"Key":"bella:managed","Value":"true"},{"Key":"bella:prev-desired","Value":"2"},{"Key":"bella:prev-min","Value":"1"},{"Key":"bella:prev-max","Value":"3"},{"Key":"bella:stopped-by","Value":"schedule"}'
    desired=0; min=0; status=stopped
  fi
  for i in $(seq $SERVICES); do list+="${list:+,}{\"ResourceARN\":\"arn:aws:ecs:ca-central-1:111122223333:service/bella-dev/svc-$i\",\"Tags\":[$tags]}"; done
  for i in $(seq $DBS); do list+=",{\"ResourceARN\":\"arn:aws:rds:ca-central-1:111122223333:db:db-$i\",\"Tags\":[$tags]}"; done
  stub "$dir" "$(target ResourceGroupsTaggingAPI_20170126.GetResources)" "$(jsonBody "{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[$list]}")"
  # Describe answers list every resource of the fake (AWS lists only those asked for; extra ones are ignored)
  local services="" targets="" dbs="" suspended
  suspended=$([ "$state" = running ] && echo false || echo true)
  for i in $(seq $SERVICES); do
    services+="${services:+,}{\"serviceName\":\"svc-$i\",\"status\":\"ACTIVE\",\"desiredCount\":$desired,\"runningCount\":$desired}"
    targets+="${targets:+,}{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/bella-dev/svc-$i\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":$min,\"MaxCapacity\":3,\"RoleARN\":\"arn:aws:iam::111122223333:role/r\",\"CreationTime\":1.7E9,\"SuspendedState\":{\"DynamicScalingOutSuspended\":$suspended}}"
  done
  for i in $(seq $DBS); do
    dbs+="<DBInstance><DBInstanceIdentifier>db-$i</DBInstanceIdentifier><DBInstanceStatus>$status</DBInstanceStatus></DBInstance>"
  done
  stub "$dir" "$(target AmazonEC2ContainerServiceV20141113.DescribeServices)" "$(jsonBody "{\"services\":[$services],\"failures\":[]}")"
  stub "$dir" "$(target AnyScaleFrontendService.DescribeScalableTargets)" "$(jsonBody "{\"ScalableTargets\":[$targets]}")"
  stub "$dir" "$(action DescribeDBInstances)" "$(xmlBody "<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances>$dbs</DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>")"
  for t in TagResource UntagResource; do stub "$dir" "$(target AmazonEC2ContainerServiceV20141113.$t)" "$(jsonBody '{}')"; done
  stub "$dir" "$(target AmazonEC2ContainerServiceV20141113.UpdateService)" "$(jsonBody '{"service":{"serviceName":"svc"}}')"
  stub "$dir" "$(target AnyScaleFrontendService.RegisterScalableTarget)" "$(jsonBody '{}')"
  for a in StopDBInstance StartDBInstance AddTagsToResource RemoveTagsFromResource; do
    stub "$dir" "$(action $a)" "$(xmlBody "<${a}Response><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></${a}Response>")"
  done
}

free_port() { "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 "$root/bench/FreePort.java"; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
serve() {  # dir, variable to receive the port (not $(...): the pid must be recorded in this shell)
  local port; port=$(free_port)
  "$JAVA_HOME/bin/java" -jar "$wiremock" --port "$port" --root-dir "$1" --async-response-enabled true \
      --async-response-threads 32 --no-request-journal --disable-banner >"$1/wiremock.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 150); do curl -s -o /dev/null "http://127.0.0.1:$port/__admin/mappings" && break; sleep 0.2; done
  printf -v "$2" '%s' "$port"
}

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
