# Shared by the bench scripts (sourced, not run). The caller sets $root (the checkout) and $JAVA_HOME.

# booking_jar: prints the booking service's jar, built first when it is missing or older than its sources
# (booking-core and the bella-spec module it depends on).
booking_jar() {
  local jar="$root/booking-core/target/bella-booking.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/booking-core/pom.xml" "$root/booking-core/src/main" \
      "$root/cdk/spec/pom.xml" "$root/cdk/spec/src/main" -newer "$jar" -type f -print -quit)" ]; then
    (cd "$root" && ./mvnw -q -B -o -pl booking-core -am -DskipTests package >&2)
  fi
  echo "$jar"
}

# free_port: prints a free TCP port on this machine.
free_port() { "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 "$root/bench/FreePort.java"; }

# bench_token NAME: a random Twilio auth token for the service and the bench's client to share (the embedded
# default would otherwise generate its own).
bench_token() { echo "$1-$(od -An -tx8 -N16 /dev/urandom | tr -d ' \n')"; }

# measure LABEL COMMAND... (the caller sets $runs, and optionally $label_width and $ms_width, the column widths of
# the printed line; defaults 44 and 5): runs COMMAND $runs times and prints the median and min wall time in milliseconds.
measure() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf "%-${label_width:-44}s median %${ms_width:-5}d ms   min %${ms_width:-5}d ms   (%d runs)\n" "$label" \
    "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" "$(echo "$sorted" | head -1)" "$runs"
}
