#!/usr/bin/env bash
# Capacity report speed: merge + report of a 10,000,000-request run from 4 runner files.
#
# Builds the classes (mvn -q -DskipTests compile) and the dependency classpath of the repository
# this script lives in, generates once, untimed, a realistic run of 4 runner folders
# (bench/report-speed/GenerateRun.java: the "30k" profile's 22-minute shape scaled to 10 M
# requests, recorded with the real ResultsRecorder and written with ResultsFiles.write), then
# times ReportService.write(runDir, ReportSettings.defaults(), History.none()) 3 times, each in a fresh JVM with -Xmx1g
# (bench/report-speed/TimeReport.java ... build, under /usr/bin/time -v), and once more step by
# step (read / merge / build / write) to show where the time goes. It then (re)writes the section
# "Capacity report speed" of BENCHMARKS.md, between <!-- bench:report-speed:start --> and
# <!-- bench:report-speed:end -->; other sections are left alone.
#
# Criteria (from the issue): every timed build <= 30 s; heap <= 1 GB (runs with -Xmx1g complete
# and their peak heap used is <= 1024 MB).
#
# Needs: java 17, maven, python3, /usr/bin/time (apt-get install time). About 2 minutes on
# 2 cores, plus the build; the temporary run (about 20 MB) is removed on exit. See bench/README.md.
#
# Options:
#   --out FILE       write the section into FILE instead of <repo>/BENCHMARKS.md
#   --strict         exit 1 when a criterion fails (the report is written all the same)
#   --wait-quiet N   wait up to N seconds for the machine to be idle (< 0.3 cores busy) first
# Environment (defaults): REQUESTS=10000000 RUNNERS=4 SEED=20260115 REPETITIONS=3 HEAP=1g
#   (REQUESTS, RUNNERS or HEAP other than the defaults are for trying the script out: the report
#   then says that its PASS/FAIL lines are not about the claim)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
HELPER="$SCRIPT_DIR/report-speed/report_speed.py"
GENERATE_REL=bench/report-speed/GenerateRun.java
TIME_REL=bench/report-speed/TimeReport.java

REQUESTS=${REQUESTS:-10000000}
RUNNERS=${RUNNERS:-4}
SEED=${SEED:-20260115}
REPETITIONS=${REPETITIONS:-3}
HEAP=${HEAP:-1g}

OUT="$ROOT/BENCHMARKS.md"
STRICT=0
WAIT_QUIET=0
while (($#)); do
  case "$1" in
    --out) OUT=${2:?--out needs a file}; shift 2 ;;
    --strict) STRICT=1; shift ;;
    --wait-quiet) WAIT_QUIET=${2:?--wait-quiet needs seconds}; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "report-speed: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ $OUT == /* ]] || OUT="$PWD/$OUT"

log() { printf '[report-speed %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'report-speed: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- tools (installs nothing)
command -v java >/dev/null 2>&1 || die "java not found; install it with: apt-get install openjdk-17-jdk-headless"
command -v mvn >/dev/null 2>&1 || die "mvn not found; install it with: apt-get install maven"
command -v python3 >/dev/null 2>&1 || die "python3 not found; install it with: apt-get install python3"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found; install it with: apt-get install time"
[[ $REPETITIONS =~ ^[1-9][0-9]*$ ]] || die "REPETITIONS must be a positive integer, got '$REPETITIONS'"

# ---------------------------------------------------------------- temporary files, cleaned on exit
WORK=$(mktemp -d /tmp/tacos-report-speed.XXXXXX)
RUN="$WORK/run"
CHILD=""   # the running java (under /usr/bin/time), if any
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  if [[ -n $CHILD ]]; then
    # The child is /usr/bin/time or mvn; stop what it runs (its own children) first.
    pkill -TERM -P "$CHILD" 2>/dev/null
    kill -TERM "$CHILD" 2>/dev/null
    wait "$CHILD" 2>/dev/null
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

RESULTS="$WORK/results.txt"
: >"$RESULTS"
record() { printf '%s=%s\n' "$1" "$2" >>"$RESULTS"; }

# Runs a command in the background (so that a signal interrupts `wait` at once); returns its status.
run_child() { # stdout-file command...
  local out=$1 rc=0
  shift
  "$@" >"$out" 2>"$out.err" &
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}

# ---------------------------------------------------------------- build
cd "$ROOT"
log "building: mvn -q -DskipTests compile; mvn -q dependency:build-classpath (in $ROOT)"
build_start=$SECONDS
run_child "$WORK/mvn-compile.out" mvn -q -DskipTests compile \
  || { cat "$WORK/mvn-compile.out" "$WORK/mvn-compile.out.err" >&2; die "mvn compile failed"; }
run_child "$WORK/mvn-cp.out" mvn -q dependency:build-classpath -Dmdep.includeScope=runtime \
  "-Dmdep.outputFile=$WORK/classpath.txt" \
  || { cat "$WORK/mvn-cp.out" "$WORK/mvn-cp.out.err" >&2; die "mvn dependency:build-classpath failed"; }
[[ -s $WORK/classpath.txt ]] || die "mvn dependency:build-classpath wrote no classpath"
CP="target/classes:$(cat "$WORK/classpath.txt")"
log "built in $((SECONDS - build_start)) s"

# How quiet the machine is before the run (bench/quiet.sh); --wait-quiet N waits up to N s.
# shellcheck source=quiet.sh
source "$SCRIPT_DIR/quiet.sh"
wait_until_quiet "$HELPER" "$WAIT_QUIET"
record busy_before "$BUSY_BEFORE"
record loadavg_before "$LOADAVG_BEFORE"

# ---------------------------------------------------------------- generate (not timed)
GEN_CMD=(java -cp "$CP" "$GENERATE_REL" "$RUN" "$REQUESTS" "$RUNNERS" "$SEED")
log "generating $REQUESTS requests in $RUNNERS runner folders (not timed)"
gen_start=$(date +%s.%N)
run_child "$WORK/generate.out" "${GEN_CMD[@]}" \
  || { cat "$WORK/generate.out" "$WORK/generate.out.err" >&2; die "generating the run failed"; }
gen_end=$(date +%s.%N)
record generate_out "$WORK/generate.out"
record generate_process_s "$(python3 -c "print(round($gen_end - $gen_start, 1))")"
record generate_cmd "java -cp \"target/classes:\$(cat <tmp>/classpath.txt)\" $GENERATE_REL <tmp>/run $REQUESTS $RUNNERS $SEED"
(cd "$RUN" && find . -type f -name '*.*' | LC_ALL=C sort | xargs sha256sum) >"$WORK/inputs.sha256"
record inputs_sha256 "$WORK/inputs.sha256"
log "generated in $(python3 -c "print(round($gen_end - $gen_start, 1))") s: $(du -sh "$RUN" | cut -f1)"

# ---------------------------------------------------------------- timed runs, each a fresh JVM
timed_java() { # label mode
  local label=$1 mode=$2 rc=0 sample0 sample1
  local -a cmd=(java "-Xmx$HEAP" -cp "$CP" "$TIME_REL" "$RUN" "$mode")
  log "$label: java -Xmx$HEAP -cp <classpath> $TIME_REL <run> $mode"
  sample0=$(python3 "$HELPER" cpu-sample)
  run_child "$WORK/$label.out" /usr/bin/time -v -o "$WORK/$label.time" "${cmd[@]}" || rc=$?
  sample1=$(python3 "$HELPER" cpu-sample)
  record "$label.out" "$WORK/$label.out"
  record "$label.err" "$WORK/$label.out.err"
  record "$label.time" "$WORK/$label.time"
  record "$label.exit" "$rc"
  record "$label.cpu_sample0" "$sample0"
  record "$label.cpu_sample1" "$sample1"
  if ((rc != 0)); then
    log "$label: exit status $rc"
    tail -n 20 "$WORK/$label.out.err" >&2 || true
  else
    log "$label: $(sed -n 's/^BENCH \(build_s\|stages_total_s\)=/\1 /p' "$WORK/$label.out") s"
  fi
}
for ((i = 1; i <= REPETITIONS; i++)); do
  timed_java "build$i" build
done
timed_java stages stages
record time_cmd "/usr/bin/time -v java -Xmx$HEAP -cp \"target/classes:\$(cat <tmp>/classpath.txt)\" $TIME_REL <tmp>/run build"
record stages_cmd "/usr/bin/time -v java -Xmx$HEAP -cp \"target/classes:\$(cat <tmp>/classpath.txt)\" $TIME_REL <tmp>/run stages"

# ---------------------------------------------------------------- report
record repetitions "$REPETITIONS"
record requests_asked "$REQUESTS"
record runners_asked "$RUNNERS"
record heap "$HEAP"
record run_dir "$RUN"
record date "$(date -u '+%Y-%m-%d %H:%M UTC')"
record nproc "$(nproc)"
record cpu_model "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
record kernel "$(uname -sr)"
record mem_total "$(sed -n 's/^MemTotal: *//p' /proc/meminfo)"
record java_version "$(java -version 2>&1 | sed -n '1p;3p' | paste -sd '|' - | sed 's/|/; /' || true)"
record java_flags "$(java "-Xmx$HEAP" -XX:+PrintCommandLineFlags -version 2>&1 | head -n 1 | sed "s/ *-XX:+PrintCommandLineFlags//; s/ *$//" || true)"
record mvn_version "$(mvn -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g' || true)"
record commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
record dirty "$(git -C "$ROOT" status --porcelain -- src pom.xml 2>/dev/null | wc -l)"
set +e
python3 "$HELPER" render "$RESULTS" "$OUT"
verdict=$?
set -e
((verdict <= 1)) || die "could not write $OUT"
log "wrote $OUT"
if ((verdict == 1 && STRICT)); then exit 1; fi
exit 0
