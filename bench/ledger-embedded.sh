#!/usr/bin/env bash
# Wall time of `bin/bella cost report --ledger-url embedded|DIR` (issue 14): the estimate with the ledger of a
# running `bella booking serve` found from its data dir, beside the plain estimate; then, with serve stopped,
# how long the one-line "not running" answer takes (it must not wait for a pool or a connect timeout).
# Usage: bench/ledger-embedded.sh [RUNS]   (default 5). Prints median and min in milliseconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
JAVA_HOME=$(bash "$root/.ci/find-java"); export JAVA_HOME
"$root/bin/bella" --version >/dev/null   # builds the jar and the CDS archive when needed
data=$(mktemp -d "${TMPDIR:-/tmp}/bella-bench-ledger.XXXXXX")
log="$data.serve.log"
"$root/bin/bella" booking serve --port 0 --data-dir "$data" >/dev/null 2>"$log" &
serve=$!   # bin/bella execs the JVM: this is the server's own PID
trap 'kill "$serve" 2>/dev/null || true; wait "$serve" 2>/dev/null || true' EXIT
for _ in $(seq 240); do
  grep -q "booking service on" "$log" && break
  kill -0 "$serve" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
grep -q "booking service on" "$log" || { echo "serve did not start in 120 s" >&2; exit 1; }

. "$root/bench/lib.sh"
label_width=52
spec="$root/configs/bella.yaml"
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores"
measure "cost report --source estimate (no ledger)" "$root/bin/bella" cost report --source estimate --config "$spec"
measure "cost report --ledger-url DATA_DIR (serve running)" "$root/bin/bella" cost report --source estimate \
  --config "$spec" --ledger-url "$data"
measure "cost report --ledger-url embedded (BELLA_DATA_DIR)" env BELLA_DATA_DIR="$data" "$root/bin/bella" cost report \
  --source estimate --config "$spec" --ledger-url embedded
kill "$serve"; wait "$serve" 2>/dev/null || true
code=0; "$root/bin/bella" cost report --source estimate --config "$spec" --ledger-url "$data" >/dev/null 2>&1 || code=$?
echo "serve stopped: exit $code"
# the expected exit 3 is the answer being timed, not a failure of this script
exits_3() { local c=0; "$@" || c=$?; [ "$c" -eq 3 ]; }
measure "cost report --ledger-url DATA_DIR (serve stopped)" exits_3 "$root/bin/bella" cost report --source estimate \
  --config "$spec" --ledger-url "$data"
rm -rf "$data" "$data.lock" "$log"
