# Sourced by the bench scripts. Other load (a build, another benchmark) skews a run: measure how
# busy the machine is over 3 s, and wait up to $2 seconds for it to drop under 0.3 cores (then go
# on anyway). Needs a `log` function; sets BUSY_BEFORE and LOADAVG_BEFORE.
# Usage: wait_until_quiet HELPER_PY WAIT_SECONDS   (HELPER_PY answers `busy-cores N`)
wait_until_quiet() {
  local helper=$1 deadline=$((SECONDS + $2))
  while :; do
    BUSY_BEFORE=$(python3 "$helper" busy-cores 3)
    LOADAVG_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    log "machine busy before the run: $BUSY_BEFORE cores (load average $LOADAVG_BEFORE)"
    python3 -c "import sys; sys.exit(0 if $BUSY_BEFORE < 0.3 else 1)" && break
    ((SECONDS < deadline)) || break
    sleep 2
  done
}
