#!/usr/bin/env python3
"""Helpers of bench/report-speed.sh: CPU sampling from /proc and the BENCHMARKS.md section.

Python standard library only. Commands:
  busy-cores SECONDS         average number of busy cores over the next SECONDS
  cpu-sample                 '<monotonic s> <machine busy CPU s>'
  render RESULTS OUT         (re)write the section of OUT between the report-speed markers;
                             exit 0 when both criteria pass, 1 when one fails
"""
import os
import re
import shlex
import statistics
import sys
import time

# The shared helpers live in bench/benchlib.py.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from benchlib import _machine_busy_seconds, _read, busy_cores, write_section  # noqa: E402

START = "<!-- bench:report-speed:start -->"
END = "<!-- bench:report-speed:end -->"
TITLE = "Capacity report speed (merge + report, 10,000,000 requests from 4 runner files)"

# The claim, from the issue.
CLAIM_REQUESTS = 10_000_000
CLAIM_RUNNERS = 4
CLAIM_HEAP = "1g"
LIMIT_S = 30.0
HEAP_LIMIT_MB = 1024
# CPU used outside the timed process during a run, above which the report warns that other load
# on the machine skewed it (same threshold as bench/target-vs-nginx.sh).
REST_WARN_CORES = 0.30


# ------------------------------------------------------------------ small commands







def cpu_sample():
    print(time.monotonic(), _machine_busy_seconds())


# ------------------------------------------------------------------ parsing



def _read_results(path):
    results = {}
    for line in _read(path).splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            results[key] = value
    return results


def _bench_lines(path):
    """The 'BENCH k=v k=v ...' lines of a program's output, each as a dict."""
    lines = []
    for line in _read(path).splitlines():
        if line.startswith("BENCH "):
            fields = {}
            for token in shlex.split(line[len("BENCH "):]):
                if "=" in token:
                    key, value = token.split("=", 1)
                    fields[key] = value
            lines.append(fields)
    return lines


def _bench(path):
    """All BENCH fields of a program's output in one dict (later lines win)."""
    merged = {}
    for fields in _bench_lines(path):
        merged.update(fields)
    return merged


def _time_v(path):
    """The fields of /usr/bin/time -v that the report uses."""
    text = _read(path)
    out = {}
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        out["max_rss_mb"] = int(m.group(1)) / 1024
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    if m:
        seconds = 0.0
        for part in m.group(1).split(":"):
            seconds = seconds * 60 + float(part)
        out["wall_s"] = seconds
    user = re.search(r"User time \(seconds\): ([\d.]+)", text)
    system = re.search(r"System time \(seconds\): ([\d.]+)", text)
    if user and system:
        out["cpu_s"] = float(user.group(1)) + float(system.group(1))
    return out


def _run(results, label):
    """One timed JVM: its BENCH fields, /usr/bin/time fields and the load beside it."""
    run = {"label": label, "exit": int(results.get(f"{label}.exit", "1"))}
    run["bench"] = _bench(results.get(f"{label}.out", ""))
    run["time"] = _time_v(results.get(f"{label}.time", ""))
    run["stderr"] = _read(results.get(f"{label}.err", "")).strip()
    s0 = results.get(f"{label}.cpu_sample0", "").split()
    s1 = results.get(f"{label}.cpu_sample1", "").split()
    run["rest_cores"] = None
    if len(s0) == 2 and len(s1) == 2 and "cpu_s" in run["time"]:
        elapsed = float(s1[0]) - float(s0[0])
        busy = float(s1[1]) - float(s0[1])
        if elapsed > 0:
            run["rest_cores"] = max(busy - run["time"]["cpu_s"], 0.0) / elapsed
    return run


# ------------------------------------------------------------------ formatting

def _n(value):
    return f"{int(value):,}"


def _s(value, digits=2):
    return "n/a" if value is None else f"{value:.{digits}f}"


def _mb(value):
    return "n/a" if value is None else f"{float(value):,.0f}"


def _bytes(value):
    value = float(value)
    if value >= 1024 * 1024:
        return f"{value / 1024 / 1024:.1f} MB"
    return f"{value / 1024:.0f} KB"


def _verdict(ok):
    return "**PASS**" if ok else "**FAIL**"


def _float(d, key):
    try:
        return float(d[key])
    except (KeyError, ValueError):
        return None


def _min_med_max(values):
    values = [v for v in values if v is not None]
    if not values:
        return ("n/a", "n/a", "n/a")
    return (min(values), statistics.median(values), max(values))


# ------------------------------------------------------------------ the section

def render(results_path, out_path):
    r = _read_results(results_path)
    reps = int(r["repetitions"])
    runs = [_run(r, f"build{i}") for i in range(1, reps + 1)]
    stages = _run(r, "stages")
    st = stages["bench"]

    gen_lines = _bench_lines(r["generate_out"])
    gen = {}
    runner_lines = []
    for fields in gen_lines:
        if "runner" in fields:
            runner_lines.append(fields)
        else:
            gen.update(fields)
    requests = int(gen.get("requests", "0"))
    runners = int(gen.get("runners", "0"))
    heap = r["heap"]
    claim_shape = requests == CLAIM_REQUESTS and runners == CLAIM_RUNNERS and heap == CLAIM_HEAP

    ok_runs = [run for run in runs if run["exit"] == 0 and "build_s" in run["bench"]]
    build_s = [_float(run["bench"], "build_s") for run in ok_runs]
    proc_s = [run["time"].get("wall_s") for run in runs]
    peak_heap = [_float(run["bench"], "peak_heap_used_mb") for run in runs]
    peak_live = [_float(run["bench"], "peak_live_after_gc_mb") for run in runs]
    rss = [run["time"].get("max_rss_mb") for run in runs]
    cpu = [run["time"].get("cpu_s") for run in runs]
    oom = [run for run in runs if run["bench"].get("oom") == "1" or "OutOfMemoryError" in run["stderr"]]
    all_ok = len(ok_runs) == len(runs)

    speed_ok = all_ok and max(build_s) <= LIMIT_S
    heap_ok = all_ok and not oom and all(v is not None and v <= HEAP_LIMIT_MB for v in peak_heap)

    lines = []
    add = lines.append
    add(START)
    add(f"## {TITLE}")
    add("")
    add(f"Written by `bench/report-speed.sh` on {r['date']}. Do not edit by hand: rerun the script.")
    add("")
    mem_gib = int(r["mem_total"].split()[0]) / 1024 / 1024 if r.get("mem_total") else 0
    add(f"- Machine: {r['nproc']} CPUs ({r['cpu_model']}), {r['kernel']}, {mem_gib:.1f} GiB RAM; before the run: "
        f"{r['busy_before']} cores busy (3 s sample), load average {r['loadavg_before']}.")
    add(f"- Java: {r['java_version']}; JVM ergonomics with `-Xmx{heap}`: `{r['java_flags']}`.")
    dirty = int(r.get("dirty", "0") or 0)
    code = f"commit `{r['commit']}`"
    if dirty:
        code += f" plus uncommitted changes in {dirty} file(s) under `src/` or `pom.xml`"
    add(f"- Code measured: {code}, compiled by the script (`mvn -q -DskipTests compile`).")
    add(f"- Timed: `ReportService.write(runDir, ReportSettings.defaults(), History.none())`, which reads every `runner-*` folder "
        f"(`ResultsFiles.read`), merges them (`MergedResults.merge`), builds the `CapacityReport` "
        f"(`ReportBuilder.build`) and writes report.html, report.json, junit.xml and summary.md "
        f"(`ReportFiles.writeAll`). {reps} runs, each in a fresh JVM with `-Xmx{heap}` (default G1), "
        f"timed with `System.nanoTime()` around that one call inside the JVM; the runner files are "
        f"in the page cache (written just before, as after a real run). /usr/bin/time -v measures the "
        f"whole process too: JVM start, the in-memory compilation of the single-file "
        f"`TimeReport.java` (about 1-2 s), the call and exit.")
    add("- Heap, from just before the call (after a `System.gc()` that clears the launcher's "
        "compilation of TimeReport.java) to its end: *peak heap used* is the highest heap occupancy "
        "seen: the maximum of the heap used just before each garbage collection (GC notifications "
        "of the `GarbageCollectorMXBean`s, summing the heap pools' before-GC usage: between "
        "collections the heap only fills up, so these are its highest points), of `MemoryMXBean` "
        "heap used polled every 5 ms, and of the heap used at the end. *After a GC* is the largest "
        "heap left right after a collection; after a young collection that still counts the dead "
        "objects of the old generation, so the live data is measured apart, with full collections, "
        "in the step-by-step run. *Max RSS* is the process's "
        "resident memory from /usr/bin/time (heap plus metaspace, JIT code, GC structures, thread "
        "stacks); it is reported, not judged.")
    add("")

    if not claim_shape:
        add(f"**Note: this run used {_n(requests)} requests, {runners} runners and `-Xmx{heap}`, not the "
            f"claim's {_n(CLAIM_REQUESTS)}, {CLAIM_RUNNERS} and `-Xmx{CLAIM_HEAP}`: the PASS/FAIL lines "
            f"below are not about the claim.**")
        add("")

    add("Criteria (from the issue):")
    add("")
    if all_ok:
        lo, med, hi = _min_med_max(build_s)
        add(f"- {_verdict(speed_ok)}: merge + report of {_n(requests)} requests from {runners} runner files "
            f"in ≤ {LIMIT_S:.0f} s on this {r['nproc']}-core machine: slowest of {reps} runs {hi:.2f} s "
            f"(min {lo:.2f} s, median {med:.2f} s).")
        heap_hi = max(v for v in peak_heap if v is not None)
        live = ""
        if stages["exit"] == 0 and "live_after_merge_mb" in st:
            live = (f"; the live data, measured with full collections in the step-by-step run below, peaked at "
                    f"{max(int(st[k]) for k in ('live_after_read_mb', 'live_after_merge_mb', 'live_after_report_build_mb')):,} MB")
        add(f"- {_verdict(heap_ok)}: heap ≤ 1 GB: every run completed with `-Xmx{heap}`, peak heap used "
            f"{heap_hi:,.0f} MB at most (of {HEAP_LIMIT_MB:,} MB allowed){live}.")
    else:
        failed = [run for run in runs if run not in ok_runs]
        def reason(run):
            if "compilation failed" in run["stderr"]:
                return (" (the source launcher could not compile TimeReport.java"
                        + (": OutOfMemoryError)" if run in oom else ")"))
            return " (OutOfMemoryError)" if run in oom else ""
        why = "; ".join(f"{run['label']}: exit {run['exit']}{reason(run)}" for run in failed)
        add(f"- **FAIL**: merge + report in ≤ {LIMIT_S:.0f} s: {len(failed)} of {reps} runs did not finish ({why}).")
        add(f"- {'**FAIL**' if oom else '**FAIL** (not measured)'}: heap ≤ 1 GB with `-Xmx{heap}`"
            + (f": {len(oom)} run(s) ran out of heap." if oom else ": the runs failed for another reason, see above."))
    add("")

    add(f"| {reps} fresh JVMs | min | median | max |")
    add("|---|---:|---:|---:|")

    def row(name, values, fmt):
        lo, med, hi = _min_med_max(values)
        cells = [fmt(v) if v != "n/a" else v for v in (lo, med, hi)]
        add(f"| {name} | " + " | ".join(cells) + " |")

    row("**merge + report, wall s (in the JVM)**", build_s, lambda v: f"**{v:.2f}**")
    row("whole process, wall s (/usr/bin/time)", proc_s, lambda v: f"{v:.2f}")
    row("whole process, CPU s (user + sys)", cpu, lambda v: f"{v:.2f}")
    row("peak heap used, MB", peak_heap, _mb)
    row("peak heap after a GC, MB", peak_live, _mb)
    row("max RSS, MB", rss, _mb)
    add("")

    add("| run | merge + report (s) | process wall (s) | process CPU (s) | GCs (pause s) | peak heap used (MB) "
        "| after a GC (MB) | peak committed (MB) | max RSS (MB) | other load (cores) | report verdict |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for i, run in enumerate(runs, 1):
        b, t = run["bench"], run["time"]
        rest = run["rest_cores"]
        add(f"| {i} | {b.get('build_s', 'failed (exit ' + str(run['exit']) + ')')} | {_s(t.get('wall_s'))} "
            f"| {_s(t.get('cpu_s'))} | {b.get('gc_count', 'n/a')} ({b.get('gc_s', 'n/a')}) "
            f"| {_mb(b.get('peak_heap_used_mb'))} | {_mb(b.get('peak_live_after_gc_mb'))} "
            f"| {_mb(b.get('peak_heap_committed_mb'))} | {_mb(t.get('max_rss_mb'))} "
            f"| {_s(rest)} | {b.get('verdict', 'n/a')} |")
    add("")
    busy_runs = [(run["label"], run["rest_cores"]) for run in runs + [stages]
                 if run["rest_cores"] is not None and run["rest_cores"] > REST_WARN_CORES]
    if busy_runs:
        add("**Warning: the machine was not quiet.** CPU used outside the timed process (the other load "
            "column) exceeded 0.3 cores in: " + ", ".join(f"{label} {rest:.2f}" for label, rest in busy_runs)
            + "; other load slowed these runs. Rerun on a quiet machine (`--wait-quiet 600`).")
        add("")

    # ---------------------------------------------------------------- input
    add("### The run reported on")
    add("")
    add(f"Generated once by `bench/report-speed/GenerateRun.java` in {gen.get('generate_s', 'n/a')} s "
        f"({r.get('generate_process_s', 'n/a')} s for the whole process; not timed), seed {gen.get('seed')}: "
        f"the production profile `30k`'s shape with every rate scaled by {float(gen.get('scale', 0)):.6f} "
        f"so that it offers {_n(requests)} requests in {gen.get('seconds')} s, each runner with its share "
        f"as a real runner computes it (`LoadProfile.shard`, `requestsPerSecond`); every scheduled "
        f"request is sent and answered at a random millisecond of its second, recorded with the real "
        f"`ResultsRecorder` and written with `ResultsFiles.write`.")
    add("")
    phases = []
    for part in gen.get("phases", "").split(";"):
        if part:
            name, secs, rates = part.split(":")
            lo, hi = (float(x) for x in rates.split("-"))
            rate = f"{lo:,.0f} rps" if lo == hi else f"{lo:,.0f} → {hi:,.0f} rps"
            phases.append(f"{name} {int(secs[:-1]) // 60} min at {rate}")
    add(f"- Phases (all runners): {'; '.join(phases)}.")
    endpoints = []
    for part in gen.get("endpoints", "").split(";"):
        if part:
            name, count = part.split(":")
            endpoints.append(f"{name} {_n(count)} ({int(count) / max(requests, 1) * 100:.1f} %)")
    add(f"- Endpoints: {', '.join(endpoints)}.")
    outcomes = [(k, int(gen.get(k, 0))) for k in ("ok", "not_ready", "http_503", "connection")]
    add("- Outcomes: " + ", ".join(f"{k} {_n(v)} ({v / max(requests, 1) * 100:.2f} %)" for k, v in outcomes)
        + "; `not_ready` only on enter; errors 0.05 % up to the peak, about 1.5 % in stress.")
    add("- Latency (µs): lognormal per endpoint (medians 1.8 ms for status to 25 ms for payment_process at "
        "light load, σ 0.55), slower and wider as the offered rate passes the peak, plus a rare slow tail "
        "(×30 the median, reaching seconds), capped at 30 s.")
    if gen.get("schedule_adjustment", "0") != "0":
        add(f"- The shares' per-second rounding scheduled {_n(gen.get('scheduled'))} requests; the last runner's "
            f"last second absorbed the difference ({gen.get('schedule_adjustment')}) so that exactly "
            f"{_n(requests)} were sent.")
    add("")
    add("| runner folder | requests | series (second × endpoint × outcome) | results.hlog | manifest.json |")
    add("|---|---:|---:|---:|---:|")
    tot_req = tot_series = tot_hlog = tot_manifest = 0
    for fields in runner_lines:
        tot_req += int(fields["requests"])
        tot_series += int(fields["series"])
        tot_hlog += int(fields["hlog_bytes"])
        tot_manifest += int(fields["manifest_bytes"])
        add(f"| runner-{fields['runner']} | {_n(fields['requests'])} | {_n(fields['series'])} "
            f"| {_bytes(fields['hlog_bytes'])} | {_bytes(fields['manifest_bytes'])} |")
    add(f"| **all** | **{_n(tot_req)}** | **{_n(tot_series)}** | **{_bytes(tot_hlog)}** | **{_bytes(tot_manifest)}** |")
    add("")
    if "merged_series" in st:
        add(f"Merged: {_n(st['merged_series'])} series over {st.get('timeline_points', '?')} seconds, "
            f"{_n(st.get('requests', 0))} requests. The report written: report.html "
            f"{_bytes(st.get('bytes_report_html', 0))}, report.json {_bytes(st.get('bytes_report_json', 0))}, "
            f"junit.xml {_bytes(st.get('bytes_junit_xml', 0))}, summary.md {_bytes(st.get('bytes_summary_md', 0))}; "
            f"its verdict {ok_runs[0]['bench'].get('verdict') if ok_runs else 'n/a'} "
            f"({ok_runs[0]['bench'].get('knee') if ok_runs else 'n/a'}) is the generated data's "
            f"(stress fails p99 and the error rate on purpose), not a finding.")
        add("")

    # ---------------------------------------------------------------- where the time goes
    add("### Where the time goes")
    add("")
    add("One more fresh JVM (`-Xmx" + heap + "`) does the same work step by step through the public calls "
        "`ReportService.write` makes, each timed; between steps (outside the timings) a `System.gc()` "
        "measures the heap the step leaves live.")
    add("")
    if stages["exit"] == 0 and "stages_total_s" in st:
        total = float(st["stages_total_s"])
        add("| step | s | share | live heap after (MB) |")
        add("|---|---:|---:|---:|")
        read_keys = sorted(k for k in st if re.fullmatch(r"read_runner_\d+_s", k))
        for k in read_keys:
            name = k[len("read_"):-len("_s")].replace("_", "-")
            add(f"| `ResultsFiles.read` {name} | {float(st[k]):.2f} | {float(st[k]) / total * 100:.0f} % | |")
        add(f"| **read, all runners** | **{float(st['read_s']):.2f}** | **{float(st['read_s']) / total * 100:.0f} %** "
            f"| {st.get('live_after_read_mb')} |")
        for key, name, live in (("merge_s", "`MergedResults.merge`", "live_after_merge_mb"),
                                ("report_build_s", "`ReportBuilder.build`", "live_after_report_build_mb"),
                                ("write_all_s", "`ReportFiles.writeAll` (render the 4 files, write them)", None)):
            add(f"| {name} | {float(st[key]):.2f} | {float(st[key]) / total * 100:.0f} % | {st.get(live, '') if live else ''} |")
        add(f"| total | {total:.2f} | 100 % | |")
        add("")
        add("The first runner read also pays for loading and JIT-compiling the reading code (Jackson, "
            "HdrHistogram's log decoder), hence its longer time; the timed runs pay the same.")
        add("")
        if "warm_read_runner_s" in st:
            whole = float(st["warm_read_runner_s"])
            decode = float(st["warm_decode_only_s"])
            convert = float(st["warm_decode_and_convert_s"]) - decode
            intervals = int(st["warm_decode_only_intervals"])
            footprint = float(st["warm_decode_only_decoded_histogram_mb"])
            add(f"Inside a read, {st['warm_read_runner']} once more in the then warm JVM: "
                f"{whole:.2f} s in all; decoding its results.hlog with `HistogramLogReader` alone "
                f"{decode:.2f} s ({decode / whole * 100:.0f} %): {_n(intervals)} intervals, each decoded into "
                f"a new flat `Histogram` of {footprint * 1024 / max(intervals, 1):,.0f} KB on average "
                f"({footprint / 1024:.1f} GB allocated for this one file); converting each decoded histogram "
                f"with `LatencyCounts.of` (a walk over its recorded values) {convert:.2f} s "
                f"({convert / whole * 100:.0f} %); the rest (manifest.json, the totals check, the sorted map) "
                f"{max(whole - decode - convert, 0):.2f} s.")
            add("")
        add("The same renderings again in the then warm JVM, each alone (what `writeAll` spends besides "
            f"writing): HTML {float(st['warm_render_html_s']):.3f} s, JSON {float(st['warm_render_json_s']):.3f} s, "
            f"Markdown {float(st['warm_render_markdown_s']):.3f} s, JUnit {float(st['warm_render_junit_s']):.3f} s. "
            f"Stages run: {st.get('gc_count')} GCs, {st.get('gc_s')} s of pauses (including the explicit "
            f"`System.gc()`s), peak heap used {_mb(st.get('peak_heap_used_mb'))} MB.")
    else:
        add(f"The step-by-step run failed (exit {stages['exit']}):")
        add("")
        add("```")
        add("\n".join(stages["stderr"].splitlines()[-20:]) or "(no output)")
        add("```")
    add("")

    # ---------------------------------------------------------------- commands
    add("Commands (from the repository root; `<tmp>` is a `mktemp -d` removed at the end):")
    add("")
    add("```sh")
    add("bench/report-speed.sh")
    add("mvn -q -DskipTests compile")
    add("mvn -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=<tmp>/classpath.txt")
    add(f"{r['generate_cmd']}    # once, not timed")
    add(f"{r['time_cmd']}    # {reps} times")
    add(f"{r['stages_cmd']}    # once, the step-by-step split")
    add("```")
    add("")
    add("<details><summary>Inputs (sha256), JVM output</summary>")
    add("")
    add("```")
    add(_read(r["inputs_sha256"]).strip().replace(r["run_dir"], "<tmp>/run"))
    add("```")
    add("")
    for run in runs + [stages]:
        add(f"{run['label']}:")
        add("")
        add("```")
        add(_read(r.get(f"{run['label']}.out", "")).strip())
        add("```")
        add("")
    add("</details>")
    add(END)
    section = "\n".join(lines) + "\n"

    write_section(out_path, START, END, section)

    if all_ok:
        lo, med, hi = _min_med_max(build_s)
        print(f"merge + report: min {lo:.2f} s, median {med:.2f} s, max {hi:.2f} s -> {_verdict(speed_ok)}; "
              f"peak heap used {max(v for v in peak_heap if v is not None):,.0f} MB with -Xmx{heap} -> {_verdict(heap_ok)}")
    else:
        print(f"{len(runs) - len(ok_runs)} of {reps} runs failed -> **FAIL**")
    return 0 if (speed_ok and heap_ok) else 1


COMMANDS = {
    "busy-cores": busy_cores,
    "cpu-sample": cpu_sample,
    "render": render,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: report_speed.py {{{'|'.join(COMMANDS)}}} [args...]")
    try:
        result = COMMANDS[sys.argv[1]](*sys.argv[2:])
    except Exception as e:  # noqa: BLE001 - one line for the script's log, exit 2
        print(f"report_speed.py {sys.argv[1]}: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(2)
    sys.exit(result or 0)
