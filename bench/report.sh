#!/usr/bin/env bash
# Wall time of `bin/bella cost report` offline, beside the JVM's hello-world floor measured the same way.
# Usage: bench/report.sh [RUNS]   (default 10). Prints median and min in milliseconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
JAVA_HOME=$(bash "$root/.ci/find-java"); export JAVA_HOME
out="$root/bench/out"; mkdir -p "$out"
"$root/bin/bella" --version >/dev/null   # builds the jar and the CDS archive when needed

cat > "$out/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
"$JAVA_HOME/bin/javac" -d "$out" "$out/Hello.java"

. "$root/bench/lib.sh"

echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores"
measure "java Hello (JVM floor)" "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$out" Hello
measure "bin/bella cost report (bundled spec)" "$root/bin/bella" cost report --source estimate --config "$root/configs/bella.yaml"
measure "bin/bella cost report --format json baseline" "$root/bin/bella" cost report --source estimate --format json \
  --config "$root/configs/examples/baseline.yaml"
measure "java -jar without AppCDS (same report)" "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -jar "$root/cli/target/bella.jar" cost report --source estimate --config "$root/configs/bella.yaml"
