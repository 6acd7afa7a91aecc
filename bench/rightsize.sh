#!/usr/bin/env bash
# Wall time of `bin/bella cost rightsize` offline: the seed's 14-day hourly file, and a generated worst case the
# live path can produce (93 days at 60 s for every metric = 133,920 points a series, 1.3 million rows).
# Usage: bench/rightsize.sh [RUNS]   (default 5). Prints median and min in milliseconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
JAVA_HOME=$(bash "$root/.ci/find-java"); export JAVA_HOME
out="$root/bench/out"; mkdir -p "$out"
"$root/bin/bella" --version >/dev/null   # builds the jar when needed

big="$out/metrics-93d-60s.csv"
if [ ! -f "$big" ]; then
  # deterministic: CPU 20% with a daily bump, memory 30%, database and cache quiet
  awk 'BEGIN {
    print "resource,metric,timestamp,value"
    start = 1760000000; n = 93 * 1440
    split("service,CPUUtilization service,MemoryUtilization database,CPUUtilization database,FreeableMemory database,DatabaseConnections cache,CPUUtilization cache,DatabaseMemoryUsagePercentage cache,Evictions", ms, " ")
    for (k = 1; k <= 8; k++) for (i = 0; i < n; i++) {
      t = start + i * 60
      v = (k == 1) ? 20 + (i % 1440 < 600 ? 8 : 0) + (i % 7) / 2 : (k == 4) ? 629145600 - (i % 50) * 1048576 : (k == 8) ? 0 : 5 + (i % 11) / 2
      printf "%s,%s,%s\n", ms[k], strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), v
    }
  }' > "$big"
fi

label_width=52 ms_width=6
. "$root/bench/lib.sh"

echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores; big file $(wc -l < "$big") lines"
measure "rightsize seed case (14 d hourly, 2,688 rows)" "$root/bin/bella" cost rightsize \
  --metrics "$root/configs/examples/metrics-seed-case.csv" --config "$root/configs/examples/baseline.yaml" --format json
measure "rightsize 93 d at 60 s (1.07 M rows)" "$root/bin/bella" cost rightsize --lookback 93d \
  --metrics "$big" --config "$root/configs/examples/baseline.yaml" --format json
