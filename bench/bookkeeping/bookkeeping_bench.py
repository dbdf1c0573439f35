#!/usr/bin/env python3
"""bench/bookkeeping helpers (standard library only): sample the runner JVM's CPU, judge one run from its own
files, and write the section "Invariant bookkeeping" of BENCHMARKS.md.

  bookkeeping_bench.py sample-cpu PID          -> '<epoch ms> <utime+stime ticks>' every second while PID lives
  bookkeeping_bench.py judge RUN_DIR CPU_FILE HISTOGRAM INVARIANTS PAIR SETTLE_S TAIL_S   -> one JSON line
  bookkeeping_bench.py meta ROOT MODE START COMMANDS BUSY_BEFORE JAVA_VERSION                -> JSON
  bookkeeping_bench.py render RESULTS_JSONL OUT_MD META_JSON MODE RATE PROFILE_YAML PROPERTIES
"""
import base64
import datetime
import glob
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import benchlib  # noqa: E402

START = "<!-- bench:bookkeeping:start -->"
END = "<!-- bench:bookkeeping:end -->"
GOAL_CPU = 0.05        # the goal: at most 5 % more runner CPU per request with the bookkeeping
MAX_ERRORS = 0.01      # ... with at most 1 % errors: a failed hold or confirm is a purchase the ledger never sees
HELD = 0.02            # a run counts when its steady phase sent and achieved within 2 % of the offered rate
LEDGER_PACKAGE = "store.traffictacos.capacity.results.invariants."
ID_ENTRY_BYTES = 24    # an IdTable entry in invariants.json: msb, lsb, a time (LedgerFile)


def _load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def sample_cpu(pid):
    ticks_path = f"/proc/{int(pid)}/stat"
    while True:
        try:
            with open(ticks_path, encoding="utf-8") as f:
                raw = f.read()
        except OSError:
            return
        fields = raw[raw.rindex(")") + 2:].split()
        print(int(time.time() * 1000), int(fields[11]) + int(fields[12]), flush=True)
        time.sleep(1 - (time.time() % 1))  # on the second, so samples line up with the manifest's seconds


def _sent_between(manifest, from_ms, to_ms):
    """Requests sent between two instants, from the manifest's per-second counts (a partial second pro rata)."""
    start = manifest["startEpochMs"]
    total = 0.0
    for second in manifest.get("seconds", []):
        lo = start + second["second"] * 1000
        overlap = min(lo + 1000, to_ms) - max(lo, from_ms)
        if overlap > 0:
            total += second["sent"] * overlap / 1000
    return total


def _histogram(path):
    """Live heap after the full GC that GC.class_histogram makes: total bytes, and per class."""
    total, classes = None, {}
    if not os.path.exists(path):
        return None, {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "Total":
                total = int(parts[2])
            # a row is "<rank>: <instances> <bytes> <class>"; jcmd's own errors ("...Exception: No such process",
            # the runner gone before the reading) are no rows, and leave the run without a heap figure
            elif len(parts) >= 4 and parts[0][:-1].isdigit() and parts[0].endswith(":") \
                    and parts[1].isdigit() and parts[2].isdigit():
                classes[parts[3]] = (int(parts[1]), int(parts[2]))
    return total, classes


def _table_bytes(ids):
    """An IdTable of `ids` entries as laid out (IdTable.java): 16 slots doubled while more than half full, each
    slot three longs and a boolean; plus the arrays' and the object's headers."""
    capacity = 16
    while ids * 2 > capacity:
        capacity *= 2
    return capacity * (3 * 8 + 1) + 2 * 16 + 24


def _ledger_counts(runner_dir):
    path = os.path.join(runner_dir, "invariants.json")
    if not os.path.exists(path):
        return None
    ledger = _load(path)
    bitsets = [base64.b64decode(entry["numbers"]) for entry in ledger.get("seats", [])]
    seats = sum(bin(b).count("1") for bits in bitsets for b in bits)
    seats += sum(len(entry.get("seats", [])) for entry in ledger.get("namedSeats", []))
    local = {entry["invariant"]: entry for entry in ledger.get("local", [])}
    ids = {name: len(base64.b64decode(ledger[name])) // ID_ENTRY_BYTES for name in ("admitted", "left", "approved")}
    return {
        # the ledger's tables and bit sets as laid out, from what it held (a BitSet: its words, headers)
        "layout_bytes": sum(_table_bytes(n) for n in ids.values())
        + sum((len(bits) + 7) // 8 * 8 + 16 + 24 for bits in bitsets),
        "file_bytes": os.path.getsize(path),
        "seats": seats,
        "admitted": ids["admitted"],
        "left": ids["left"],
        "approved": ids["approved"],
        "confirms": local.get("confirm_within_hold", {}).get("observations", 0),
    }


def judge(run_dir, cpu_file, histogram_file, invariants, pair, settle_s, tail_s):
    report = _load(os.path.join(run_dir, "report.json"))
    runner_dir = sorted(glob.glob(os.path.join(run_dir, "runner-*")))[0]
    manifest = _load(os.path.join(runner_dir, "manifest.json"))
    steady = report["phases"][-1]
    start = manifest["startEpochMs"]
    window_from = start + (steady["startSecond"] + int(settle_s)) * 1000
    window_to = start + (steady["endSecond"] - int(tail_s)) * 1000
    window = benchlib.cpu_window(cpu_file, window_from, window_to)
    cpu_s = requests = window_s = None
    if window:
        t0, t1, cpu_s = window
        window_s = (t1 - t0) / 1000
        requests = _sent_between(manifest, t0, t1)
    total, classes = _histogram(histogram_file)
    ledger_classes = {name: v for name, v in classes.items()
                      if name.startswith(LEDGER_PACKAGE) and "$$Lambda" not in name}
    summary = open(os.path.join(run_dir, "summary.md"), encoding="utf-8").read()
    journeys_file = os.path.join(runner_dir, "journeys.json")
    offered, sent, achieved = steady["offeredRps"], steady["sentRps"], steady["achievedRps"]
    print(json.dumps({
        "invariants": invariants, "pair": int(pair),
        "offered": offered, "sent": sent, "achieved": achieved, "errors": steady["errorRate"],
        "p99": steady["p99Ms"],
        "held": offered > 0 and abs(sent / offered - 1) <= HELD and abs(achieved / offered - 1) <= HELD,
        "window_s": window_s,
        "cpu_s": cpu_s, "requests": requests,
        "cpu_s_per_1000": cpu_s / requests * 1000 if cpu_s is not None and requests else None,
        "cores": cpu_s / window_s if cpu_s is not None and window_s else None,
        "live_heap": total,
        "long_arrays": classes.get("[J", (0, 0))[1],
        "ledger_classes": {name.removeprefix(LEDGER_PACKAGE): v for name, v in sorted(ledger_classes.items())},
        "ledger": _ledger_counts(runner_dir),
        "report_invariants": [{"name": i["name"], "observations": i["observations"], "pass": i["pass"]}
                              for i in report.get("invariants", [])],
        "says_not_checked": "Invariants: not checked" in summary,
        "journeys": _load(journeys_file) if os.path.exists(journeys_file) else None,
        "verdict": report.get("verdict"),
    }))


def meta(root, mode, start, commands, busy_before, java_version):
    def git(*args):
        r = subprocess.run(["git", "-C", root, *args], capture_output=True, text=True)
        return r.stdout.strip() if r.returncode == 0 else ""
    cpu_model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                      if line.startswith("model name")), "?")
    mem_kb = next((int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    print(json.dumps({
        "mode": mode, "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "wall_s": int(time.time() - int(start)), "cpus": os.cpu_count(), "cpu_model": cpu_model,
        "mem_gib": round(mem_kb / 1024 / 1024, 1), "kernel": f"{os.uname().sysname} {os.uname().release}",
        "java": java_version, "busy_before": busy_before,
        "loadavg_after": " ".join(open("/proc/loadavg").read().split()[:3]),
        "commit": git("rev-parse", "--short", "HEAD") or "not a git checkout",
        "dirty": len([line for line in git("status", "--porcelain").splitlines() if line.strip()]),
        "commands": [line.strip() for line in open(commands) if line.strip()],
    }))


def _fmt(value, digits=0, suffix=""):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{suffix}"


def _mb(value):
    return "–" if value is None else f"{value / 1e6:,.1f} MB"


def _mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def render(results_path, out_path, meta_path, mode, rate, profile_path, properties_path, protocol="HTTPS/2"):
    with open(results_path, encoding="utf-8") as f:
        runs = [json.loads(line) for line in f if line.strip()]
    meta_info = _load(meta_path)
    on = [r for r in runs if r["invariants"] == "on"]
    off = [r for r in runs if r["invariants"] == "off"]
    pairs = sorted({r["pair"] for r in runs})
    by_pair = {p: {r["invariants"]: r for r in runs if r["pair"] == p} for p in pairs}
    complete = [p for p in pairs if {"on", "off"} <= by_pair[p].keys()]

    problems = []
    for r in runs:
        name = f"pair {r['pair']} invariants={r['invariants']}"
        if not r["held"]:
            problems.append(f"{name} did not hold {float(rate):,.0f} req/s (sent {r['sent']:,.0f}, "
                            f"achieved {r['achieved']:,.0f} req/s)")
        if r["errors"] > MAX_ERRORS:
            problems.append(f"{name} had {r['errors'] * 100:.2f} % errors (fewer purchases: less to keep)")
        if r["cpu_s_per_1000"] is None:
            problems.append(f"{name} has no CPU figure")
        if r["invariants"] == "on" and not (r["ledger"] and r["ledger"]["confirms"] > 0):
            problems.append(f"{name} kept no ledger with confirms: the bookkeeping was not exercised")
        if r["invariants"] == "off" and (r["ledger"] is not None or r["report_invariants"]
                                         or not r["says_not_checked"]):
            problems.append(f"{name} kept a ledger or its report did not say 'not checked'")
    if not complete:
        problems.append("no complete pair of runs")

    overheads = []
    for p in complete:
        a, b = by_pair[p]["on"]["cpu_s_per_1000"], by_pair[p]["off"]["cpu_s_per_1000"]
        overheads.append(a / b - 1 if a and b else None)
    mean_on, mean_off = _mean([r["cpu_s_per_1000"] for r in on]), _mean([r["cpu_s_per_1000"] for r in off])
    overhead = mean_on / mean_off - 1 if mean_on and mean_off else None
    if mode != "full":
        verdict = f"**NOT MET**: not measured, a `--{mode}` run proves the plumbing only"
    elif problems or overhead is None:
        verdict = "**NOT MET**: not measured, " + "; ".join(problems)
    elif overhead <= GOAL_CPU:
        verdict = f"**MET**: {overhead * 100:+.1f} % CPU per request (mean of {len(on)} runs each)"
    else:
        verdict = f"**NOT MET**: {overhead * 100:+.1f} % CPU per request (mean of {len(on)} runs each)"

    heap_deltas = []
    for p in complete:
        a, b = by_pair[p]["on"], by_pair[p]["off"]
        if a["live_heap"] is not None and b["live_heap"] is not None:
            heap_deltas.append((p, a["live_heap"] - b["live_heap"], a["ledger"]))

    lines = [START, "## Invariant bookkeeping: its CPU and heap (bench/bookkeeping)", ""]
    other_rate = mode == "full" and int(float(rate)) != 20_000
    command = ("bench/bookkeeping/run" + ("" if mode == "full" else " --" + mode)
               + (f" --rate {int(float(rate))}" if other_rate else "") + (" --http1" if protocol == "HTTP/1.1" else ""))
    if other_rate and verdict.startswith("**MET**"):
        verdict += f", at {float(rate):,.0f} req/s, not the goal's 20,000"
    lines.append(f"Written by `{command}` on {meta_info['date']} "
                 f"in {meta_info['wall_s']} s. Do not edit by hand: rerun it.")
    lines.append("")
    if mode != "full":
        lines += [f"**A `--{mode}` run: it proves the plumbing, its figures measure nothing.**", ""]
    lines.append(f"- Machine: {meta_info['cpus']} CPUs ({meta_info['cpu_model']}), {meta_info['kernel']}, "
                 f"{meta_info['mem_gib']} GiB RAM; {meta_info['busy_before']} cores busy before the run (3 s sample), "
                 f"load average after {meta_info['loadavg_after']}. {meta_info['java']}. Code: commit "
                 f"`{meta_info['commit']}`" + (f" with {meta_info['dirty']} uncommitted file(s)" if meta_info['dirty']
                                                 else "") + ".")
    lines.append("- What is compared: one runner (the `runner` command, `runner.max.rps` lifted) sends the "
                 "ticketing journey (join, status, enter, hold, payment intent, process, confirm, leave, the "
                 "2 % probes) "
                 + ("over HTTPS/2 (`http.version=2`, as production's edge) to the reference target (`--tls`)"
                    if protocol == "HTTPS/2" else "over HTTP/1.1 to the reference target")
                 + " on the same machine, with the ledger of the sale kept "
                 "(`invariants=on`, the default) and without it (`invariants=off`: the ledger records nothing, "
                 "the hold's seats and expiry are not read, no `invariants.json`). Same profile, same journey "
                 "mix, same requests. Runs alternate in pairs, each pair starting with the other setting.")
    lines.append("- Why the reference target, not bench/run's nginx stub: the stub answers every journey with the "
                 "same token, reservation and seats, so the ledger would hold one entry of each and count every "
                 "confirm as a double sale: no realistic bookkeeping load. The reference target (`--rate-limit-rps "
                 "0`, a stock of 1,000,000 seats per event so that no hold is refused) answers with real, distinct "
                 "tokens, reservations and seats, as the platform does; it is restarted for every run. It shares "
                 "the cores with the runner, the same in both settings.")
    lines.append(f"- CPU: the runner JVM's utime + stime (`/proc/<pid>/stat`, sampled on each second) over the "
                 f"steady phase less its first and last seconds, divided by the requests the runner sent in that "
                 f"window (`manifest.json`'s per-second counts). Heap: `jcmd <pid> GC.class_histogram` near the end "
                 f"of the steady phase, after the CPU window (a full GC: live objects only).")
    lines.append("")
    lines.append("### Goal")
    lines.append("")
    lines.append("| goal | measured | |")
    lines.append("|---|---|---|")
    lines.append(f"| the bookkeeping adds ≤ 5 % runner CPU per request at {float(rate):,.0f} req/s | "
                 f"{_fmt(mean_on, 3)} vs {_fmt(mean_off, 3)} CPU s per 1,000 requests (on vs off, means) | "
                 f"{verdict} |")
    lines.append("")
    lines.append("### Runs")
    lines.append("")
    lines.append("| pair | invariants | sent req/s | achieved req/s | errors | p99 | CPU window | runner cores "
                 "| CPU s per 1,000 requests | live heap after full GC | `long[]` live | ledger's own objects |")
    lines.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in runs:
        own = sum(v[1] for v in r["ledger_classes"].values())
        lines.append(f"| {r['pair']} | {r['invariants']} | {_fmt(r['sent'])} | {_fmt(r['achieved'])} | "
                     f"{r['errors'] * 100:.2f} % | {_fmt(r['p99'], 1)} ms | {_fmt(r['window_s'])} s | "
                     f"{_fmt(r['cores'], 2)} | **{_fmt(r['cpu_s_per_1000'], 3)}** | {_mb(r['live_heap'])} | "
                     f"{_mb(r['long_arrays'])} | {own:,} B |")
    lines.append("")
    if overheads:
        lines.append("CPU per request, on against off, pair by pair: " + ", ".join(
            f"pair {p}: " + ("–" if o is None else f"{o * 100:+.1f} %") for p, o in zip(complete, overheads))
            + "; means: " + ("–" if overhead is None else f"{overhead * 100:+.1f} %") + ".")
        lines.append("")
    lines.append("### Heap")
    lines.append("")
    if heap_deltas:
        lines.append("| pair | live heap, on − off | per confirm | `long[]`, on − off | the ledger's tables and bit "
                     "sets, by their layout | per confirm | what the ledger held (on) | confirms |")
        lines.append("|---:|---:|---:|---:|---:|---:|---|---:|")
        for p, delta, ledger in heap_deltas:
            longs = by_pair[p]["on"]["long_arrays"] - by_pair[p]["off"]["long_arrays"]
            layout = ledger["layout_bytes"] if ledger else None
            held = (f"{ledger['seats']:,} seats, {ledger['admitted']:,} tokens admitted, {ledger['left']:,} left, "
                    f"{ledger['approved']:,} payments approved; invariants.json {ledger['file_bytes']:,} B"
                    if ledger else "–")
            confirms = ledger["confirms"] if ledger else 0
            per = (lambda v: _fmt(v / confirms if confirms and v is not None else None, 0, " B"))
            lines.append(f"| {p} | {delta / 1e6:+,.2f} MB | {per(delta)} | {longs / 1e6:+,.2f} MB | "
                         f"{_mb(layout)} | {per(layout)} | {held} | {confirms:,} |")
        lines.append("")
    on_classes = [r for r in on if r["ledger_classes"]]
    if on_classes:
        r = on_classes[-1]
        lines.append(f"The ledger's own classes in the histogram (pair {r['pair']}, on; shallow sizes, their "
                     "`long[]` tables and `BitSet` words are counted under `[J`): " + ", ".join(
                         f"`{name}` {count:,} × = {size:,} B" for name, (count, size) in r["ledger_classes"].items())
                     + ".")
        lines.append("")
    lines.append("- The live heap on − off is what the bookkeeping keeps alive (the ledger's tables and bit sets, the "
                 "hold's seat lists in the journeys in flight), plus the noise of two runs' in-flight requests at "
                 "the moment of the histogram. The ledger's own retained size is computed from what it held "
                 "(`invariants.json`, written at the end of the run) and its layout: three open-addressed tables "
                 "(`IdTable`: 25 B a slot, at most half full) and a `BitSet` per event and seat prefix; the class "
                 "histogram shows those arrays only as `long[]`, with every other `long[]`. Per confirm: divided by "
                 "the confirms the ledger recorded (a purchasing journey confirms once).")
    if problems:
        lines.append("")
        lines.append("**Not a valid measurement**: " + "; ".join(problems) + ".")
    lines.append("")
    lines.append("### Commands")
    lines.append("")
    lines.append("The commands (the target and the runner for every run, the histogram during each); every command under `timeout`:")
    lines.append("")
    lines.append("```")
    lines.extend(meta_info["commands"])
    lines.append("```")
    lines.append("")
    work = os.path.dirname(os.path.abspath(results_path))
    for title, path in (("The profile", profile_path), ("A runner's properties (`off` runs differ in `invariants=off` "
                                                        "only; the port changes with each target)", properties_path)):
        if os.path.exists(path):
            lines.append(f"{title}, `{os.path.basename(path)}`:")
            lines.append("")
            lines.append("```")
            lines.append(open(path, encoding="utf-8").read().replace(work, "<tmp>").rstrip("\n"))
            lines.append("```")
            lines.append("")
    lines.append(END)
    benchlib.write_section(out_path, START, END, "\n".join(lines) + "\n")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"sample-cpu": sample_cpu, "judge": judge, "meta": meta, "render": render}[command](*args)
