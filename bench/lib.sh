# Shared by the bench scripts (sourced, not run). The caller sets $runs, and optionally $label_width and
# $ms_width (column widths of the printed line; defaults 44 and 5).
# measure LABEL COMMAND...: runs COMMAND $runs times and prints the median and min wall time in milliseconds.
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
