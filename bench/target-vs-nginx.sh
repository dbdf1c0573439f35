#!/usr/bin/env bash
# Reference target vs nginx on GET /api/v1/queue/status, both measured with wrk in the same run.
#
# Starts the in-memory reference target (java -jar target/tacos-capacity.jar target ...) and an
# nginx that answers the same status URL with a fixed copy of the target's own status body (same
# bytes), then measures both, alternating, with wrk on 127.0.0.1:
#   1. warm-up: wrk -t2 -c64 -d10s on each server (not reported);
#   2. max throughput: wrk -t2 -c64 -d20s --latency on each;
#   3. paced: wrk -t2 -c200 -d20s --latency with a Lua delay() that schedules 20,000 req/s.
# It then (re)writes the section "Reference target vs nginx" of BENCHMARKS.md, between the
# markers <!-- bench:target-vs-nginx:start --> and <!-- bench:target-vs-nginx:end -->.
#
# Needs: wrk, nginx (apt-get install wrk nginx-light), java 17, curl, python3; maven only when
# target/tacos-capacity.jar is missing. About 2 minutes of wall time. See bench/README.md.
#
# Options:
#   --out FILE    write the section into FILE instead of <repo>/BENCHMARKS.md
#   --strict      exit 1 when a criterion fails (the report is written all the same)
#   --self-test   prove this script without the jar: a second nginx stands in for the target
#                 (writes /tmp/tacos-bench-self-test.md unless --out is given)
#   --wait-quiet N   wait up to N seconds for the machine to be idle (< 0.3 cores busy) first
# Environment (defaults): WARMUP_SECONDS=10 DURATION_SECONDS=20 WRK_THREADS=2 MAX_CONNECTIONS=64
#   PACED_RATE=20000 PACED_CONNECTIONS=200 JAVA_OPTS="" NGINX=<nginx on PATH or /usr/sbin/nginx>
#   TACOS_CP=<class path> runs the target from it instead of target/tacos-capacity.jar
#   BENCH_SUMMARY_JSON=<file> also writes the key figures there as JSON (bench/run reads them)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
JAR_REL=target/tacos-capacity.jar
JAR="$ROOT/$JAR_REL"
HELPER="$SCRIPT_DIR/benchlib.py"

WARMUP_SECONDS=${WARMUP_SECONDS:-10}
DURATION_SECONDS=${DURATION_SECONDS:-20}
WRK_THREADS=${WRK_THREADS:-2}
MAX_CONNECTIONS=${MAX_CONNECTIONS:-64}
PACED_RATE=${PACED_RATE:-20000}
PACED_CONNECTIONS=${PACED_CONNECTIONS:-200}
JAVA_OPTS=${JAVA_OPTS:-}

OUT=""
STRICT=0
WAIT_QUIET=0
SELF_TEST=0
while (($#)); do
  case "$1" in
    --out) OUT=${2:?--out needs a file}; shift 2 ;;
    --strict) STRICT=1; shift ;;
    --self-test) SELF_TEST=1; shift ;;
    --wait-quiet) WAIT_QUIET=${2:?--wait-quiet needs seconds}; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "target-vs-nginx: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [[ -z $OUT ]]; then
  if ((SELF_TEST)); then OUT=/tmp/tacos-bench-self-test.md; else OUT="$ROOT/BENCHMARKS.md"; fi
fi

log() { printf '[target-vs-nginx %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'target-vs-nginx: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- tools (installs nothing)
command -v wrk >/dev/null 2>&1 || die "wrk not found; install it with: apt-get install wrk nginx-light"
NGINX=${NGINX:-$(command -v nginx 2>/dev/null || true)}
[[ -z $NGINX && -x /usr/sbin/nginx ]] && NGINX=/usr/sbin/nginx
[[ -n $NGINX && -x $NGINX ]] || die "nginx not found; install it with: apt-get install wrk nginx-light"
command -v curl >/dev/null 2>&1 || die "curl not found; install it with: apt-get install curl"
command -v python3 >/dev/null 2>&1 || die "python3 not found; install it with: apt-get install python3"
if ! ((SELF_TEST)); then
  command -v java >/dev/null 2>&1 || die "java not found; install it with: apt-get install openjdk-17-jdk-headless"
  if [[ -z ${TACOS_CP:-} && ! -f $JAR ]]; then
    command -v mvn >/dev/null 2>&1 || die "$JAR_REL is missing and mvn not found; install it with: apt-get install maven"
    log "building $JAR_REL (mvn -q package -DskipTests)"
    (cd "$ROOT" && mvn -q package -DskipTests) || die "the build failed"
    [[ -f $JAR ]] || die "the build did not produce $JAR_REL"
  fi
fi

# ---------------------------------------------------------------- process bookkeeping
WORK=$(mktemp -d /tmp/tacos-bench.XXXXXX)
STARTED=()   # pids of the servers this script started
WRK_PID=""   # the running wrk (under timeout), if any

is_running() { # pid -> 0 while the process exists and is not a zombie
  local state
  state=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null || true)
  [[ -n $state && $state != Z && $state != X ]]
}

stop_pid() { # TERM, up to 10 s grace, then KILL; always reaps
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do is_running "$pid" || break; sleep 0.1; done
  is_running "$pid" && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$? pid
  set +e
  trap - EXIT INT TERM
  [[ -n $WRK_PID ]] && stop_pid "$WRK_PID"
  for pid in "${STARTED[@]}"; do stop_pid "$pid"; done
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { python3 "$HELPER" free-port; }

wait_http_200() { # url pid what logfile: bounded to 60 s
  local url=$1 pid=$2 what=$3 logfile=$4 code deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    if ! is_running "$pid"; then
      tail -n 40 "$logfile" >&2 || true
      die "$what exited before answering $url"
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
    [[ $code == 200 ]] && return 0
    sleep 0.2
  done
  tail -n 40 "$logfile" >&2 || true
  die "$what did not answer 200 on $url within 60 s"
}

# nginx: own prefix dir, own config, daemon off in the background (master is our child).
start_nginx() { # name port conf-body-file -> sets NGINX_PID
  local name=$1 port=$2 dir="$WORK/$1"
  mkdir -p "$dir/logs" "$dir/tmp"
  python3 "$HELPER" nginx-conf "$dir" "$port" "$3" >"$dir/nginx.conf"
  "$NGINX" -t -q -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" \
    || die "nginx rejected $dir/nginx.conf"
  "$NGINX" -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" >"$dir/logs/stdout.log" 2>&1 &
  NGINX_PID=$!
  STARTED+=("$NGINX_PID")
  wait_http_200 "http://127.0.0.1:$port/healthz" "$NGINX_PID" "nginx ($name)" "$dir/logs/error.log"
}

# How quiet the machine is before the run (bench/quiet.sh); --wait-quiet N waits up to N s.
# shellcheck source=quiet.sh
source "$SCRIPT_DIR/quiet.sh"
wait_until_quiet "$HELPER" "$WAIT_QUIET"

# ---------------------------------------------------------------- the target
T_PORT=$(free_port)
T_BASE="http://127.0.0.1:$T_PORT"
if ((SELF_TEST)); then
  log "self-test: an nginx stand-in plays the target on 127.0.0.1:$T_PORT"
  python3 "$HELPER" standin-locations >"$WORK/standin.locations"
  start_nginx standin "$T_PORT" "$WORK/standin.locations"
  T_PID=$NGINX_PID
  TARGET_CMD="nginx stand-in (self-test) on 127.0.0.1:$T_PORT"
else
  # shellcheck disable=SC2206
  # TACOS_CP (a class path with the project's classes and dependencies, as bench/run's smoke test
  # passes: the classes under test) stands in for the jar.
  if [[ -n ${TACOS_CP:-} ]]; then
    JAVA_ARGS=($JAVA_OPTS -cp "$TACOS_CP" store.traffictacos.capacity.cli.TacosCapacity)
  else
    JAVA_ARGS=($JAVA_OPTS -jar "$JAR_REL")
  fi
  JAVA_ARGS+=(target --host 127.0.0.1 --port "$T_PORT" --rate-limit-rps 0)
  TARGET_CMD="java ${JAVA_ARGS[*]}"
  [[ -n ${TACOS_CP:-} ]] && TARGET_CMD=${TARGET_CMD/"$TACOS_CP"/<classpath>}
  log "starting the target: $TARGET_CMD"
  (cd "$ROOT" && exec java "${JAVA_ARGS[@]}") >"$WORK/target.log" 2>&1 &
  T_PID=$!
  STARTED+=("$T_PID")
  wait_http_200 "$T_BASE/healthz" "$T_PID" "the target" "$WORK/target.log"
fi

IDEMPOTENCY_KEY=$(python3 "$HELPER" uuid)
JOIN_BODY='{"event_id":"evt_1","user_id":"bench-user"}'
code=$(curl -sS -o "$WORK/join.json" -w '%{http_code}' --max-time 5 -X POST \
  -H 'Content-Type: application/json' -H "Idempotency-Key: $IDEMPOTENCY_KEY" \
  --data "$JOIN_BODY" "$T_BASE/api/v1/queue/join") || die "POST /api/v1/queue/join failed"
[[ $code == 202 ]] || die "POST /api/v1/queue/join answered $code, not 202: $(head -c 300 "$WORK/join.json")"
TOKEN=$(python3 "$HELPER" json-field "$WORK/join.json" waiting_token) \
  || die "no waiting_token in the join answer: $(head -c 300 "$WORK/join.json")"
STATUS_PATH="/api/v1/queue/status?token=$TOKEN"
T_URL="$T_BASE$STATUS_PATH"

code=$(curl -sS -o "$WORK/target-status.json" -w '%{http_code}' --max-time 5 "$T_URL") \
  || die "GET $STATUS_PATH failed"
[[ $code == 200 ]] || die "GET $STATUS_PATH answered $code, not 200: $(head -c 300 "$WORK/target-status.json")"
curl -sS -D "$WORK/target-status.headers" -o /dev/null --max-time 5 "$T_URL"
TARGET_BODY_BYTES=$(wc -c <"$WORK/target-status.json")
log "target status body: $TARGET_BODY_BYTES bytes: $(cat "$WORK/target-status.json")"

# ---------------------------------------------------------------- nginx with the same body
N_PORT=$(free_port)
N_BASE="http://127.0.0.1:$N_PORT"
N_URL="$N_BASE$STATUS_PATH"
python3 "$HELPER" reference-locations "$WORK/target-status.json" >"$WORK/reference.locations"
log "starting nginx on 127.0.0.1:$N_PORT"
start_nginx reference "$N_PORT" "$WORK/reference.locations"
N_PID=$NGINX_PID

code=$(curl -sS -o "$WORK/nginx-status.json" -w '%{http_code}' --max-time 5 "$N_URL")
[[ $code == 200 ]] || die "nginx answered $code on $STATUS_PATH"
curl -sS -D "$WORK/nginx-status.headers" -o /dev/null --max-time 5 "$N_URL"
NGINX_BODY_BYTES=$(wc -c <"$WORK/nginx-status.json")
[[ $NGINX_BODY_BYTES == "$TARGET_BODY_BYTES" ]] \
  || die "nginx body is $NGINX_BODY_BYTES bytes, the target's $TARGET_BODY_BYTES"
cmp -s "$WORK/nginx-status.json" "$WORK/target-status.json" || die "nginx body differs from the target's"
log "nginx status body: $NGINX_BODY_BYTES bytes (identical)"

# ---------------------------------------------------------------- wrk
python3 "$HELPER" lua-report >"$WORK/report.lua"
python3 "$HELPER" lua-paced "$PACED_RATE" "$WRK_THREADS" >"$WORK/paced.lua"
RESULTS="$WORK/results.txt"
: >"$RESULTS"
record() { printf '%s=%s\n' "$1" "$2" >>"$RESULTS"; }

run_wrk() { # label server-pid seconds connections lua url
  local label=$1 pid=$2 secs=$3 conns=$4 lua=$5 url=$6 sample0 sample1
  local -a cmd=(wrk "-t$WRK_THREADS" "-c$conns" "-d${secs}s" --latency)
  [[ $lua != - ]] && cmd+=(-s "$lua")
  cmd+=("$url")
  log "$label: ${cmd[*]}"
  # CPU use during the run: one sample of the machine (/proc/stat) and the server's process tree
  # (/proc/PID/stat) on each side, and wrk's own time from bash's `times` (children of this
  # shell, so `times` must not run in a subshell).
  sample0=$(python3 "$HELPER" cpu-sample "$pid"); times >"$WORK/times0.txt"
  # In the background so that a signal to this script interrupts `wait` at once.
  timeout --signal=INT --kill-after=5 $((secs + 30)) "${cmd[@]}" >"$WORK/$label.out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || { WRK_PID=""; cat "$WORK/$label.out" >&2; die "$label: wrk failed"; }
  WRK_PID=""
  times >"$WORK/times1.txt"; sample1=$(python3 "$HELPER" cpu-sample "$pid")
  is_running "$pid" || die "$label: the server died during the run"
  record "$label.cmd" "${cmd[*]/#$WORK\//}"
  record "$label.cpu_sample0" "$sample0"
  record "$label.cpu_sample1" "$sample1"
  record "$label.wrk_cpu_s" "$(python3 "$HELPER" children-cpu-delta "$WORK/times0.txt" "$WORK/times1.txt")"
  record "$label.out" "$WORK/$label.out"
}

run_wrk warmup-target "$T_PID" "$WARMUP_SECONDS" "$MAX_CONNECTIONS" - "$T_URL"
run_wrk warmup-nginx "$N_PID" "$WARMUP_SECONDS" "$MAX_CONNECTIONS" - "$N_URL"
run_wrk max-nginx "$N_PID" "$DURATION_SECONDS" "$MAX_CONNECTIONS" "$WORK/report.lua" "$N_URL"
run_wrk max-target "$T_PID" "$DURATION_SECONDS" "$MAX_CONNECTIONS" "$WORK/report.lua" "$T_URL"
run_wrk paced-nginx "$N_PID" "$DURATION_SECONDS" "$PACED_CONNECTIONS" "$WORK/paced.lua" "$N_URL"
run_wrk paced-target "$T_PID" "$DURATION_SECONDS" "$PACED_CONNECTIONS" "$WORK/paced.lua" "$T_URL"

# The status body changes a little over time (waiting_time grows): record its size at the end.
curl -sS -o "$WORK/target-status-end.json" --max-time 5 "$T_URL" || true

# ---------------------------------------------------------------- report
{
  record self_test "$SELF_TEST"
  record date "$(date -u '+%Y-%m-%d %H:%M UTC')"
  record nproc "$(nproc)"
  record cpu_model "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  record kernel "$(uname -sr)"
  record mem_total "$(sed -n 's/^MemTotal: *//p' /proc/meminfo)"
  record loadavg_before "$LOADAVG_BEFORE"
  record busy_before "$BUSY_BEFORE"
  record java_version "$(java -version 2>&1 | sed -n '1p;3p' | paste -sd '|' - | sed 's/|/; /' || true)"
  # shellcheck disable=SC2086
  record java_flags "$(java $JAVA_OPTS -XX:+PrintCommandLineFlags -version 2>&1 | head -n 1 | sed "s/ *-XX:+PrintCommandLineFlags//; s/ *$//" || true)"
  record wrk_version "$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2 || true)"
  record nginx_version "$("$NGINX" -v 2>&1 | sed 's/^nginx version: //' || true)"
  record target_cmd "$TARGET_CMD"
  record nginx_cmd "nginx -p <tmp>/reference -e <tmp>/reference/logs/error.log -c <tmp>/reference/nginx.conf"
  record status_path "$STATUS_PATH"
  record target_port "$T_PORT"
  record nginx_port "$N_PORT"
  record body_file "$WORK/target-status.json"
  record body_end_file "$WORK/target-status-end.json"
  record target_headers_file "$WORK/target-status.headers"
  record nginx_headers_file "$WORK/nginx-status.headers"
  record target_body_bytes "$TARGET_BODY_BYTES"
  record nginx_body_bytes "$NGINX_BODY_BYTES"
  record nginx_conf_file "$WORK/reference/nginx.conf"
  record report_lua_file "$WORK/report.lua"
  record paced_lua_file "$WORK/paced.lua"
  record paced_rate "$PACED_RATE"
  record paced_connections "$PACED_CONNECTIONS"
  record max_connections "$MAX_CONNECTIONS"
  record threads "$WRK_THREADS"
  record duration_s "$DURATION_SECONDS"
  record warmup_s "$WARMUP_SECONDS"
}
set +e
python3 "$HELPER" render "$RESULTS" "$OUT"
verdict=$?
set -e
((verdict <= 1)) || die "could not write $OUT"
log "wrote $OUT"
if ((verdict == 1 && STRICT)); then exit 1; fi
exit 0
