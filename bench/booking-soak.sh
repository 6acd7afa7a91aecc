#!/usr/bin/env bash
# Soak of the booking service on the embedded default, loopback only: SECONDS (default 600) of mixed traffic
# (whole calls that book, Twilio-style replays, long digit runs, 50 slow senders, invented HTTP methods) from
# bench/BookingSoak.java. Prints calls completed, bookings, turn latency (p50/p99/max), errors, max RSS and
# /metrics size at start, half-time and end. Bounded: one service, 4 callers, 50 slow connections at most.
# Usage: bench/booking-soak.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
JAVA_HOME=$(bash "$root/.ci/find-java"); export JAVA_HOME
. "$root/bench/lib.sh"
jar=$(booking_jar)
out="$root/bench/out"; mkdir -p "$out"
data=$(mktemp -d "$out/soak-db.XXXXXX")
port=$(free_port)
TWILIO_AUTH_TOKEN=$(bench_token soak); export TWILIO_AUTH_TOKEN
# the container image's JVM flags (booking-core/pom.xml, Jib), with a heap for this machine
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m -jar "$jar" --port "$port" --data-dir "$data" > "$out/soak-service.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data" "$data.lock"' EXIT
for _ in $(seq 600); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); service PID $server on 127.0.0.1:$port"
"$JAVA_HOME/bin/java" -cp "$jar" "$root/bench/BookingSoak.java" "http://localhost:$port" "$server" "$seconds" "$TWILIO_AUTH_TOKEN"
echo "service log: $(wc -l < "$out/soak-service.log") lines, $(grep -c '"level":"ERROR"' "$out/soak-service.log" || true) at ERROR"
