#!/usr/bin/env bash
# Streams a generated multi-million-row legacy CUR file through `bella cost report --source cur:FILE` in a
# 64 MB heap, plain and gzipped, and prints the rows, the file sizes, the wall time, the largest heap
# in use after a GC and the process's peak RSS. A run that finishes in -Xmx64m shows the import does
# not hold the file in memory (the plain file is several hundred MB).
# Usage: bench/spend-import.sh [ROWS] [HEAP]   (defaults 3000000 and 64m)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-3000000}
heap=${2:-64m}
JAVA_HOME=$(bash "$root/.ci/find-java"); export JAVA_HOME
out="$root/bench/out"; mkdir -p "$out"
"$root/bin/bella" --version >/dev/null   # builds the jar when needed
csv="$out/cur-$rows.csv"

if [ ! -f "$csv" ]; then
  echo "generating $rows rows..." >&2
  # 40 services, 3 environments, 30 days, a tax row every 97 rows, a credit every 1009, costs in plain
  # and scientific notation like the real export
  awk -v n="$rows" 'BEGIN {
    srand(42);
    print "identity/LineItemId,lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UnblendedCost,product/servicecode,lineItem/LineItemDescription,resourceTags/user:Environment";
    split("AmazonECS AmazonRDS AmazonElastiCache AWSELB AmazonVPC AmazonCloudWatch AmazonS3 AWSDataTransfer awskms AWSSecretsManager", svc, " ");
    split("prod dev staging", env, " ");
    for (i = 1; i <= n; i++) {
      s = svc[(i % 10) + 1] (i % 4 == 0 ? "X" int(i % 31) : "");
      type = (i % 97 == 0) ? "Tax" : (i % 1009 == 0 ? "Credit" : "Usage");
      cost = (type == "Credit") ? -0.5 : (i % 5 == 0 ? sprintf("%.1E", rand() / 1000) : sprintf("%.10f", rand() / 10));
      day = sprintf("2026-10-%02dT%02d:00:00Z", (i % 30) + 1, i % 24);
      printf "li%d,123456789012,%s,%s,%s,%s,%s,\"%s usage, hour %d\",%s\n", i, type, day, s, cost, (type == "Tax" ? "" : s), s, i % 24, env[(i % 3) + 1];
    }
  }' > "$csv"
fi
[ -f "$csv.gz" ] || gzip -1 -k "$csv"

# the same sum done independently (awk), to show the import is complete, not just fast
expected=$(awk -F, 'NR > 1 { s += $6 } END { printf "%.4f", s }' "$csv")

run() {  # label, file
  local label=$1 file=$2 log="$out/gc-$1.log"
  local t0 t1; t0=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$out/rss-$label.txt" "$JAVA_HOME/bin/java" -Xmx"$heap" -XX:+UseSerialGC -Xlog:gc:file="$log" \
    -jar "$root/cli/target/bella.jar" cost report --config "$root/configs/bella.yaml" --source "cur:$file" \
    --by environment --format json > "$out/report-$label.json"
  t1=$(date +%s%N)
  local maxAfter; maxAfter=$(grep -oE -- '->[0-9]+M' "$log" | tr -dc '0-9\n' | sort -n | tail -1)
  printf '%-6s %10s rows  %8s  %6d ms  heap after GC max %4s MB (-Xmx%s)  peak RSS %5d MB  exact sum %s\n' "$label" "$rows" \
    "$(du -h "$file" | cut -f1)" $(( (t1 - t0) / 1000000 )) "${maxAfter:-?}" "$heap" \
    $(( $(cat "$out/rss-$label.txt") / 1024 )) "$(grep -oE 'exact sum [0-9.-]+' "$out/report-$label.json" | cut -d' ' -f3)"
}

echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores; awk's independent sum: $expected"
run plain "$csv"
run gzip "$csv.gz"
