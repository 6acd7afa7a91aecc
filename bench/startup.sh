#!/usr/bin/env bash
# Start-up of the bella launcher against the JVM's hello-world floor, measured as pairs in the same run (a floor
# run, then the command, PAIRS times), so machine load shifts both alike. Prints, per command, the median wall
# time of each and the median of the per-pair ratios, with its target (issue 13).
# Usage: bench/startup.sh [PAIRS] [--before SHADED_JAR]
#   PAIRS     default 11 (at least 10)
#   --before  also time the same commands from a shaded jar run the way the old launcher ran it (java -jar with
#             an AppCDS archive recorded from a report), e.g. a copy of an older build's cli/target/bella.jar.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pairs=11; before=""
while [ $# -gt 0 ]; do
  case $1 in
    --before) before=$2; shift 2 ;;
    *) pairs=$1; shift ;;
  esac
done
JAVA_HOME=$(bash "$root/.ci/find-java"); export JAVA_HOME
java="$JAVA_HOME/bin/java"
out="$root/bench/out"; mkdir -p "$out"
cfg="$root/configs/bella.yaml"
"$root/bin/bella" --version >/dev/null   # builds the CLI and the light configuration's archive when needed

cat > "$out/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
"$JAVA_HOME/bin/javac" -d "$out" "$out/Hello.java"
floor=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$out" Hello)

ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# pair LABEL TARGET COMMAND...: PAIRS x (floor, command); prints one table row
pair() {
  local label=$1 target=$2; shift 2
  local f c ratios=() floors=() cmds=()
  "$@" >/dev/null 2>&1 || true   # one warm-up: the page cache, and the command's archive when it has none yet
  for _ in $(seq "$pairs"); do
    f=$(ms "${floor[@]}"); c=$(ms "$@")
    floors+=("$f"); cmds+=("$c"); ratios+=("$(awk -v c="$c" -v f="$f" 'BEGIN {printf "%.2f", c / (f > 0 ? f : 1)}')")
  done
  local r; r=$(printf '%s\n' "${ratios[@]}" | median)
  printf "%-58s %6s ms %6s ms %6.2fx  %-5s %s\n" "$label" "$(printf '%s\n' "${cmds[@]}" | median)" \
    "$(printf '%s\n' "${floors[@]}" | median)" "$r" "<=${target}x" \
    "$(awk -v r="$r" -v t="$target" 'BEGIN {print (r <= t) ? "ok" : "OVER"}')"
}

echo "JDK: $("$java" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $pairs pairs"
printf "%-58s %9s %9s %7s  %s\n" "command" "median" "floor" "ratio" "target"
plan=(cost schedule-dev plan --at 2026-12-07T09:00-05:00 --schedule-only --config "$cfg")
pair "bin/bella cost report (offline estimate)" 4 "$root/bin/bella" cost report --source estimate --config "$cfg"
pair "bin/bella --version" 3 "$root/bin/bella" --version
pair "bin/bella cost schedule-dev plan --at ... --schedule-only" 4 "$root/bin/bella" "${plan[@]}"

# The launcher's own share: bin/bella with a JAVA_HOME whose `java` is /bin/true, so all it times is the script
# (the JDK check, the staleness `find`, choosing the configuration) and one exec.
fake="$out/no-jvm"; mkdir -p "$fake/bin" "$fake/lib"
ln -sf "$(type -P true)" "$fake/bin/java"; : > "$fake/lib/modules"; echo 'JAVA_VERSION="25"' > "$fake/release"
launcher=()
for _ in $(seq "$pairs"); do launcher+=("$(JAVA_HOME=$fake ms "$root/bin/bella" cost report --source estimate --config "$cfg")"); done
printf "%-58s %6s ms  (no JVM: the script and one exec of /bin/true)\n" "bin/bella alone" \
  "$(printf '%s\n' "${launcher[@]}" | median)"

if [ -n "$before" ]; then
  jsa="$out/before.jsa"
  old=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:disable)
  [ -f "$jsa" ] && [ "$before" -nt "$jsa" ] && rm -f "$jsa"
  [ -f "$jsa" ] || "${old[@]}" -XX:ArchiveClassesAtExit="$jsa" -jar "$before" cost report --source estimate \
      --config "$cfg" >/dev/null 2>&1 || true
  [ -f "$jsa" ] && old+=(-XX:SharedArchiveFile="$jsa")
  pair "before: cost report (shaded jar)" 4 "${old[@]}" -jar "$before" cost report --source estimate --config "$cfg"
  pair "before: --version (shaded jar)" 3 "${old[@]}" -jar "$before" --version
  pair "before: schedule-dev plan --schedule-only (shaded jar)" 4 "${old[@]}" -jar "$before" "${plan[@]}"
fi
