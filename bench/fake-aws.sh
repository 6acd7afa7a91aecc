# Shared by bench/schedule-dev.sh and bench/scheduler-image.sh (sourced, not run): a local fake AWS for
# `cost schedule-dev` (WireMock standalone, every answer delayed $DELAY ms, the SDK's real JSON 1.1 / awsQuery wire
# shapes) holding $SERVICES ECS services and $DBS RDS instances. The caller sets $root, $JAVA_HOME, $wiremock,
# SERVICES, DBS and DELAY.
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

. "$root/bench/lib.sh"   # free_port
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
