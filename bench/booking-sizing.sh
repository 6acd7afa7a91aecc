#!/usr/bin/env bash
# Task-size bench: does the booking service fit a smaller Fargate task? Runs the real service jar on a restricted
# JVM (the container image's flags, one active processor, the candidate task's memory as the JVM's RAM) inside a
# CPU quota (a cgroup with the candidate vCPU share as its CFS quota, when this shell may create one: root and
# cgroup v1 or v2), drives it with bench/BookingLoad.java at fixed rates of speech turns, and prints p50/p99 turn
# latency, peak RSS, GC pauses and CPU throttling. The embedded PostgreSQL stands in for RDS and is moved out of
# the quota once the service is up, so the quota limits only what the task itself would run.
# Usage: bench/booking-sizing.sh [VCPU] [MEMORY_MB] [RATES] [SECONDS]   (default: 0.25 512 1,5,10 60)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
vcpu=${1:-0.25}
memory=${2:-512}
rates=${3:-1,5,10}
seconds=${4:-60}
JAVA_HOME=$(bash "$root/.ci/find-java"); export JAVA_HOME
. "$root/bench/lib.sh"
jar=$(booking_jar)
out="$root/bench/out"; mkdir -p "$out"
data=$(mktemp -d "$out/sizing-db.XXXXXX")
port=$(free_port)
TWILIO_AUTH_TOKEN=$(bench_token sizing); export TWILIO_AUTH_TOKEN
gclog="$out/sizing-gc.log"; rm -f "$gclog"

# CPU quota: cgroup v2 (cpu.max) or v1 (cpu.cfs_quota_us), in a group of our own, removed on exit
quota_us=$(python3 -c "print(int(round($vcpu * 100000)))")
cg=""; parent=""
if [ -f /sys/fs/cgroup/cgroup.controllers ] && mkdir "/sys/fs/cgroup/bella-sizing.$$" 2>/dev/null; then
  cg="/sys/fs/cgroup/bella-sizing.$$"; parent=/sys/fs/cgroup
  echo "$quota_us 100000" > "$cg/cpu.max" 2>/dev/null || { rmdir "$cg"; cg=""; }
elif [ -d /sys/fs/cgroup/cpu ] && mkdir "/sys/fs/cgroup/cpu/bella-sizing.$$" 2>/dev/null; then
  cg="/sys/fs/cgroup/cpu/bella-sizing.$$"; parent=/sys/fs/cgroup/cpu
  echo 100000 > "$cg/cpu.cfs_period_us"; echo "$quota_us" > "$cg/cpu.cfs_quota_us"
fi
if [ -n "$cg" ]; then
  limit="CPU quota ${quota_us}us per 100000us (cgroup $cg)"
else
  limit="NO CPU quota (cannot create a cgroup here: not root, or no writable cgroup fs); only -XX:ActiveProcessorCount=1"
fi

# the container image's JVM flags (booking-core/pom.xml, Jib), with the candidate task's memory as the JVM's RAM
flags=(-XX:MaxRAM="${memory}m" -XX:MaxRAMPercentage=70 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Xss512k
  -XX:ReservedCodeCacheSize=64m -Djava.net.preferIPv4Stack=true -XX:ActiveProcessorCount=1
  -XX:NativeMemoryTracking=summary "-Xlog:gc:file=$gclog")
t0=$(date +%s%N)
sh -c 'if [ -n "$1" ]; then echo $$ > "$1/cgroup.procs"; fi; shift; exec "$@"' sh "$cg" \
  "$JAVA_HOME/bin/java" "${flags[@]}" -jar "$jar" --port "$port" --data-dir "$data" > "$out/sizing-service.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  if [ -n "$cg" ]; then
    for p in $(cat "$cg/cgroup.procs" 2>/dev/null); do echo "$p" > "$parent/cgroup.procs" 2>/dev/null || true; done
    rmdir "$cg" 2>/dev/null || true
  fi
  rm -rf "$data" "$data.lock"
}
trap cleanup EXIT
for _ in $(seq 600); do
  curl -fs "http://localhost:$port/health" >/dev/null 2>&1 && break
  sleep 0.1
done
startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
if [ -n "$cg" ]; then
  # the embedded PostgreSQL stands in for RDS: not the task's CPU
  for p in $(cat "$cg/cgroup.procs"); do [ "$p" = "$server" ] || echo "$p" > "$parent/cgroup.procs"; done
fi
ticks=$(getconf CLK_TCK)
cpu_of() { awk -v t="$ticks" '{print ($14 + $15) / t}' "/proc/$server/stat"; }
echo "machine: $(nproc) cores shared, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "candidate task: $vcpu vCPU, $memory MB; $limit"
echo "JVM: ${flags[*]}"
echo "startup to healthy under the limit: $startup_ms ms"
cpu0=$(cpu_of)
# warm-up at a rate the candidate can serve, then the measured rates
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "$jar" "$root/bench/BookingLoad.java" "http://localhost:$port" "$rates" "$seconds" 30 2
cpu1=$(cpu_of)
echo "service CPU during warm-up and runs: $(python3 -c "print(round($cpu1 - $cpu0, 1))") s"
if [ -n "$cg" ] && [ -f "$cg/cpu.stat" ]; then
  echo "throttling: $(tr '\n' ' ' < "$cg/cpu.stat")"
fi
grep -E '^Vm(HWM|RSS)' "/proc/$server/status" | tr -s ' \t' ' ' | paste -sd ';' | sed 's/^/memory: /'
"$JAVA_HOME/bin/jcmd" "$server" GC.heap_info 2>/dev/null | grep -E 'def new|tenured' | sed 's/^ */heap: /' || true
"$JAVA_HOME/bin/jcmd" "$server" VM.native_memory summary 2>/dev/null \
  | grep -E '^(Total|-  *(Java Heap|Class|Thread|Code|GC|Internal|Other|Metaspace))' | sed 's/^-* */native: /' || true
python3 - "$gclog" <<'EOF'
import re, sys
pauses = [float(m.group(2)) for m in (re.search(r'Pause (Young|Full).* ([0-9.]+)ms$', l.strip())
          for l in open(sys.argv[1])) if m]
full = sum(1 for l in open(sys.argv[1]) if 'Pause Full' in l)
if pauses:
    pauses.sort()
    print(f"GC: {len(pauses)} pauses ({full} full), max {pauses[-1]:.1f} ms, p99 {pauses[max(0, int(len(pauses) * .99) - 1)]:.1f} ms,"
          f" total {sum(pauses):.0f} ms")
else:
    print("GC: no pauses")
EOF
