#!/usr/bin/env python3
"""bench/overload helpers (standard library only): judge one runner's ladder against the slow reference
target from its own files, judge plain Gatling's from its BENCH lines, and write the section
"One runner against a slow platform" of BENCHMARKS.md and the runner's in-flight figures of
bench/baseline.json.

  overload_bench.py judge-runner RUN_DIR CPUS           -> one JSON object per line, one per step
  overload_bench.py judge-gatling OUTPUT_FILE STEP_S     -> the same for plain Gatling
  overload_bench.py render RESULTS_JSONL OUT_MD [BASELINE_JSON]
"""
import glob
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import benchlib  # noqa: E402

START = "<!-- bench:overload:start -->"
END = "<!-- bench:overload:end -->"
TOLERANCE = 0.01  # held: sent and answered within 1 % of the offered rate
PROTOCOLS = ["HTTP/1.1", "HTTPS/1.1", "HTTPS/2"]
# Goals of the issue, judged from one run.
GOAL_H2_RATIO = 0.8        # HTTPS/2 held rate at 1 s ≥ 80 % of its rate at 0 ms
GOAL_H1_AT_1S = 8_000      # HTTP/1.1 held rate at 1 s
GOAL_SAME_GET = 0.10       # the runner on the same GET within 10 % of plain Gatling
SAME_GET_CELL = ("HTTP/1.1", 0)  # where the status-only runner climbs beside plain Gatling (bench/overload/run)
PEAK_30K = 40_000          # the built-in profile 30k peaks at 40,000 req/s (its stress phase)
# RunnerCapacity.DEFAULT_SHARE_RPS, run's default --runner-rps, as bench/baseline.json has it
SHARE_RPS = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "baseline.json"),
                           encoding="utf-8"))["runner"]["defaultShareRps"]


def _load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def judge_runner(run_dir, cpus):
    """Each phase of the runner's report is a step: held when sent and answered are within 1 %."""
    report = _load(os.path.join(run_dir, "report.json"))
    manifests = [_load(m) for m in sorted(glob.glob(os.path.join(run_dir, "runner-*", "manifest.json")))]
    manifest = manifests[0]
    transport = manifest.get("transport") or {}
    opened = [s["connectionsOpened"] for s in transport.get("seconds", [])]
    in_flight = [s["peakInFlight"] for s in transport.get("seconds", [])]
    cpu = {r["second"]: r["busy"] for r in manifest.get("runnerCpu", [])}
    for phase in report["phases"]:
        offered, sent, achieved = phase["offeredRps"], phase["sentRps"], phase["achievedRps"]
        start, end = phase["startSecond"] + phase.get("settleSeconds", 0), phase["endSecond"]
        seconds = range(start, end)
        busy = [cpu[s] for s in seconds if s in cpu]
        cpu_ms = (sum(busy) / len(busy) * cpus * 1000 / achieved) if busy and achieved > 0 else None
        held = (offered > 0 and abs(sent / offered - 1) <= TOLERANCE and abs(achieved / offered - 1) <= TOLERANCE)
        print(json.dumps({
            "rate": offered, "sent": sent, "answered": achieved, "errors": phase["errorRate"],
            "errorsByKind": phase.get("errorsByKind", {}), "p99": phase["p99Ms"], "held": held,
            "connectionsOpened": sum(opened[s] for s in range(phase["startSecond"], end) if s < len(opened)),
            "peakInFlight": max([in_flight[s] for s in seconds if s < len(in_flight)] or [-1]),
            "cpuMsPerRequest": cpu_ms,
            "inFlightLimit": transport.get("inFlightLimit"),
        }))


def judge_gatling(output_file, step_seconds):
    """Plain Gatling's BENCH lines: offered, sent and ok are counts over the step after its settle second."""
    judged = int(step_seconds) - 1
    with open(output_file, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.startswith("BENCH step="):
                continue
            fields = dict(part.split("=", 1) for part in line.split()[1:])
            rate = float(fields["rate"])
            sent, ok, ko = (int(fields[k]) / judged for k in ("sent", "ok", "ko"))
            held = abs(sent / rate - 1) <= TOLERANCE and abs(ok / rate - 1) <= TOLERANCE
            print(json.dumps({"rate": rate, "sent": sent, "answered": ok, "errors": ko / sent if sent else 0,
                              "p99": int(fields["p99_us"]) / 1000, "held": held}))


def _top(steps):
    """The highest step held before the first step that was not (leading failures are warm-up)."""
    best, seen = 0.0, False
    for step in steps:
        if step["held"]:
            best, seen = step["rate"], True
        elif seen:
            break
    return best


def _same_get_cell(cells):
    """(protocol, service) where the status-only runner ran beside plain Gatling: the goal's cell when it ran."""
    both = sorted({(p, s) for (g, p, s) in cells if g == "runner-get"} & {(p, s) for (g, p, s) in cells if g == "gatling"})
    return SAME_GET_CELL if SAME_GET_CELL in both else (both[0] if both else None)


def _capped(steps):
    """The highest step held is the top of the ladder."""
    return bool(steps) and _top(steps) == max(step["rate"] for step in steps)


def _read_results(path):
    cells = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                cells.setdefault((row["generator"], row["protocol"], row["serviceMs"]), []).append(row)
    return cells


def _fmt(value, digits=0):
    if value is None or value == "NaN":
        return "–"
    return f"{value:,.{digits}f}"


def render(results_path, out_path, baseline_path=None, meta_path=None):
    cells = _read_results(results_path)
    meta = _load(meta_path) if meta_path and os.path.exists(meta_path) else {}
    services = sorted({key[2] for key in cells})
    top = {key: _top(steps) for key, steps in cells.items()}

    def held(generator, protocol, service):
        return top.get((generator, protocol, service))

    lines = [START, "## One runner against a slow platform (bench/overload)", ""]
    lines.append(f"Written by `bench/overload/run --{meta.get('mode', '?')}` (alone, or as section 7 of `bench/run`) on "
                 f"{meta.get('date', '?')} in {meta.get('wall_s', '?')} s. Do not edit by hand: rerun it.")
    lines.append("")
    lines.append("One tacos-capacity runner (the `runner` command, default settings but `runner.max.rps` lifted) "
                 "sends open-model requests to the reference target on the same 2 cores, which answers "
                 "every API request after a fixed service time (`target --service-time-ms S --rate-limit-rps 0`, "
                 "`--tls` for HTTPS: HTTP/2 and HTTP/1.1 through ALPN, at most 128 streams per HTTP/2 connection, "
                 "as the production ALB). Each rate of a ladder is a step of one run; a step is **held** when the "
                 "requests sent and those answered (2xx) are both within 1 % of the offered rate, judged after the "
                 "step's first second. The figure is the highest step held before the first one that was not. "
                 "Plain Gatling (`bench/toolkit/PlainStatusSimulation.java`, shared pool, the same request timeout) "
                 "sends `GET /api/v1/queue/status` on the same ladders, for a waiting token the script joined "
                 "before the cell (so that the target answers 200 with the status a journey's poll gets). "
                 "In every cell the runner climbs its ladder sending only that GET for that token "
                 "(`journey=status-only`: the journey's checks, timeout, in-flight bound, pacing and results around "
                 "plain Gatling's work): the toolkit's own overhead per request, and what one runner holds in "
                 "flight, which `run` sizes by: what a runner holds outstanding is its transport's (connections, "
                 "streams, event loops), whatever the request. The ticketing journey climbs only at 0 ms, to keep the "
                 "run near half an hour (`bench/run` measures the journey against an nginx stub).")
    lines.append("")
    lines.append("### Highest rate held (req/s)")
    lines.append("")
    header = "| service time | " + " | ".join(f"runner, journey, {p}" for p in PROTOCOLS) + " | " + \
        " | ".join(f"runner, GET status only, {p}" for p in PROTOCOLS) + " | " + \
        " | ".join(f"plain Gatling {p}" for p in PROTOCOLS) + " |"
    lines.append(header)
    lines.append("|---:|" + "---:|" * (3 * len(PROTOCOLS)))
    for service in services:
        row = [f"{service:,} ms"]
        for generator in ("runner", "runner-get", "gatling"):
            for protocol in PROTOCOLS:
                value = held(generator, protocol, service)
                row.append("not run" if value is None else _fmt(value))
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    same_get = sorted((p, sv) for (g, p, sv) in cells if g == "runner-get")
    if same_get:
        lines.append("The same `GET status`, runner (`journey=status-only`) beside plain Gatling (req/s held):")
        lines.append("")
        lines.append("| service time | protocol | runner, GET status only | plain Gatling |")
        lines.append("|---:|---|---:|---:|")
        for protocol, service in same_get:
            plain = held("gatling", protocol, service)
            lines.append(f"| {service:,} ms | {protocol} | {_fmt(held('runner-get', protocol, service))} | "
                         f"{'not run' if plain is None else _fmt(plain)} |")
        lines.append("")
    lines.append("### Each step of the runner")
    lines.append("")
    lines.append("| service time | protocol | offered | sent | answered | errors | p99 ms | connections opened | "
                 "peak in flight | in-flight bound | CPU ms / request | held |")
    lines.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for (generator, protocol, service), steps in sorted(cells.items(), key=lambda kv: (kv[0][2], kv[0][1], kv[0][0])):
        if generator not in ("runner", "runner-get"):
            continue
        shown = protocol if generator == "runner" else f"{protocol}, GET status only"
        for step in steps:
            kinds = ", ".join(f"{k} {v:,}" for k, v in sorted(step.get("errorsByKind", {}).items()))
            lines.append(
                f"| {service:,} ms | {shown} | {_fmt(step['rate'])} | {_fmt(step['sent'])} | "
                f"{_fmt(step['answered'])} | {step['errors'] * 100:.2f} %{' (' + kinds + ')' if kinds else ''} | "
                f"{_fmt(step['p99'] if step['p99'] != 'NaN' else None, 1)} | {_fmt(step.get('connectionsOpened'))} | "
                f"{_fmt(step.get('peakInFlight'))} | {_fmt(step.get('inFlightLimit'))} | "
                f"{_fmt(step.get('cpuMsPerRequest'), 3)} | {'✔' if step['held'] else '✘'} |")
    lines.append("")
    # In-flight figures: the most requests outstanding while a rate was held, per HTTP version.
    in_flight = {}
    for (generator, protocol, service), steps in cells.items():
        if generator != "runner-get" or service < 1000:
            continue
        version = "2" if protocol == "HTTPS/2" else "1.1"
        for step in steps:
            if step["held"]:
                in_flight[version] = max(in_flight.get(version, 0), int(step["rate"] * service / 1000))
    goals = []
    h2_0, h2_1 = held("runner-get", "HTTPS/2", 0), held("runner-get", "HTTPS/2", 1000)
    if h2_0 and h2_1 is not None:
        goals.append(("over HTTPS/2, the held rate at 1 s ≥ 80 % of the rate at 0 ms (the runner, GET status only)",
                      f"{_fmt(h2_1)} of {_fmt(h2_0)} = {h2_1 / h2_0 * 100:.0f} %", h2_1 >= GOAL_H2_RATIO * h2_0))
    h1_1 = held("runner-get", "HTTP/1.1", 1000)
    if h1_1 is not None:
        goals.append(("over HTTP/1.1 at 1 s ≥ 8,000 req/s (the runner, GET status only)", f"{_fmt(h1_1)} req/s", h1_1 >= GOAL_H1_AT_1S))
    same_cell = _same_get_cell(cells)
    if same_cell is None:
        goals.append(("the runner on the same GET within 10 % of plain Gatling",
                      "not measured: no cell ran the status-only runner beside plain Gatling", None))
    else:
        protocol, service = same_cell
        same, plain = held("runner-get", protocol, service), held("gatling", protocol, service)
        where = "" if same_cell == SAME_GET_CELL else f" ({protocol} at {service:,} ms: not the goal's cell)"
        capped = [name for name, generator in (("the runner", "runner-get"), ("plain Gatling", "gatling"))
                  if _capped(cells[(generator, protocol, service)])]
        goals.append(("the runner on the same GET within 10 % of plain Gatling",
                      f"{_fmt(same)} vs {_fmt(plain)} req/s held"
                      + (f" = {same / plain * 100:.0f} %" if plain else "") + where
                      + ("; " + " and ".join(capped) + " held the top of the ladder: it may hold more"
                         if capped else ""),
                      same >= (1 - GOAL_SAME_GET) * plain if plain else None))
    if in_flight.get("1.1"):
        # RunnerSizing's rule (RunnerSizingTest checks the code) with the figure this run measured
        measured = in_flight["1.1"]
        runners = max(-(-PEAK_30K // SHARE_RPS), -(-PEAK_30K // measured))
        need = PEAK_30K / runners
        goals.append(("`run --profile 30k --expected-latency 1s`: no runner needs more in flight than measured",
                      f"{runners} runners over HTTP/1.1, each {need:,.0f} in flight at 1 s, measured {measured:,}",
                      need <= measured))
    lines.append("### Goals")
    lines.append("")
    lines.append("| goal | measured | |")
    lines.append("|---|---|---|")
    for goal, measured, met in goals:
        lines.append(f"| {goal} | {measured} | {'**MET**' if met else ('**NOT MET**' if met is False else 'n/a')} |")
    lines.append("")
    lines.append("### In-flight capacity (what `run` sizes by)")
    lines.append("")
    for version in ("1.1", "2"):
        value = in_flight.get(version)
        lines.append(f"- HTTP/{version}: {_fmt(value) if value else 'no step held at 1 s or more'} requests in "
                     "flight (the highest rate held × its service time, at 1 s or 3 s)")
    lines.append("")
    lines.append("Commands, in the order run:")
    lines.append("")
    for command in meta.get("commands", []):
        lines.append(f"- `{command}`")
    lines.append(END)
    benchlib.write_section(out_path, START, END, "\n".join(lines) + "\n")
    if baseline_path and in_flight.get("1.1") and in_flight.get("2"):
        baseline = _load(baseline_path)
        baseline["runner"]["inFlight"] = {"1.1": in_flight["1.1"], "2": in_flight["2"]}
        with open(baseline_path, "w", encoding="utf-8") as f:
            f.write(json.dumps(baseline, indent=2) + "\n")


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "judge-runner":
        judge_runner(args[0], int(args[1]))
    elif command == "judge-gatling":
        judge_gatling(args[0], args[1])
    elif command == "render":
        render(args[0], args[1], args[2] if len(args) > 2 and args[2] else None, args[3] if len(args) > 3 else None)
    else:
        raise SystemExit(f"overload_bench.py: unknown command {command}")


if __name__ == "__main__":
    main(sys.argv)
