#!/usr/bin/env bash
# Load bench of the booking service's speech-turn endpoint on the embedded default, local path only
# (embedded PostgreSQL, local extractor, no Twilio or OpenAI). Starts the service jar, drives it with
# bench/BookingLoad.java at fixed rates with Twilio-signed requests, prints throughput and p50/p90/p99.
# Usage: bench/booking-load.sh [RATES] [SECONDS]     (default: 50,100,200 requests/s, 20 s each)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rates=${1:-50,100,200}
seconds=${2:-20}
JAVA_HOME=$(bash "$root/.ci/find-java"); export JAVA_HOME
. "$root/bench/lib.sh"
jar=$(booking_jar)
out="$root/bench/out"; mkdir -p "$out"
data=$(mktemp -d "$out/booking-db.XXXXXX")
port=$(free_port)
# the service and the load client share a token (the embedded default would otherwise generate its own)
TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN:-$(bench_token bench)}; export TWILIO_AUTH_TOKEN
# the JVM flags the container image uses (booking-core/pom.xml, Jib), with a heap for this machine
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx512m -jar "$jar" --port "$port" --data-dir "$data" > "$out/booking-service.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data" "$data.lock"' EXIT
for _ in $(seq 300); do
  curl -fs "http://localhost:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp "$jar" "$root/bench/BookingLoad.java" "http://localhost:$port" "$rates" "$seconds" 10
echo "server-side view (Prometheus histogram of POST /voice/turn, all runs incl. warm-up):"
curl -fs "http://localhost:$port/metrics" | grep -E '^bella_http_requests_seconds_(count|sum)\{method="POST",route="/voice/turn",status="200"' || true
