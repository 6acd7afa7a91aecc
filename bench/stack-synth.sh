#!/usr/bin/env bash
# Wall and CPU time of `bin/bella stack synth` (all stacks of one environment, offline, in-process), per
# environment, beside the load average, since on a shared machine the wall time mostly measures the others.
# Usage: bench/stack-synth.sh [RUNS]   (default 3). Prints each run and the median wall time in milliseconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
out="$root/bench/out/synth"; mkdir -p "$out"
"$root/bin/bella" --version >/dev/null   # builds the jar and the CDS archive when needed

echo "node $(node --version); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for env in prod dev; do
  walls=()
  for i in $(seq "$runs"); do
    rm -rf "$out/$env"
    t0=$(date +%s%N)
    cpu=$( { /usr/bin/time -f '%U %S' "$root/bin/bella" stack synth --env "$env" --config "$root/configs/bella.yaml" \
            --output "$out/$env" >/dev/null; } 2>&1 | tail -1)
    t1=$(date +%s%N)
    wall=$(( (t1 - t0) / 1000000 ))
    walls+=("$wall")
    printf '%-5s run %d: wall %6d ms   cpu user+sys %s s   stacks %d\n' "$env" "$i" "$wall" \
      "$(echo "$cpu" | awk '{printf "%.1f", $1 + $2}')" "$(ls "$out/$env"/*.template.json | wc -l)"
  done
  printf '%-5s median wall %d ms (%d runs)\n' "$env" "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" "$runs"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
