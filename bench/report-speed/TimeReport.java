// Times the capacity report of a run folder for bench/report-speed.sh, inside one fresh JVM.
//
//   java -Xmx1g -cp "target/classes:<dependencies>" bench/report-speed/TimeReport.java RUN_DIR build
//   java -Xmx1g -cp "target/classes:<dependencies>" bench/report-speed/TimeReport.java RUN_DIR stages
//
// build:  the benchmark. Times ReportService.write(RUN_DIR, ReportSettings.defaults(), History.none())
//         (read every runner-* folder, merge, build the CapacityReport, write report.html/json,
//         junit.xml, summary.md) with System.nanoTime around that one call.
// stages: where the time goes. The same work, step by step through the same public calls that
//         ReportService.write makes (ResultsFiles.read per runner, MergedResults.merge,
//         ReportBuilder.build, ReportFiles.writeAll; a comparison with earlier runs, if
//         ReportService.write makes one, has no history here and is left out), each timed; a
//         System.gc() between steps (outside the timings) gives the live heap each step leaves.
//         Then, in the now warm JVM: one runner's read again, whole, as the log's decoding alone
//         (HistogramLogReader) and as decoding plus LatencyCounts.of per interval; and each of the
//         four renderings once more on its own (writeAll renders all four, then writes).
//
// Heap, in both modes, from the moment before the timed work (after a System.gc() that clears
// the in-memory compilation of this file) to its end:
// - peak heap used: the largest heap occupancy seen, i.e. the maximum of (a) the heap used just
//   before each garbage collection (GC notifications of the GarbageCollectorMXBeans: the sum of the
//   heap pools' "before GC" usage; between collections the heap only fills up, so this is the
//   occupancy at its highest points), (b) MemoryMXBean heap used polled every 5 ms, (c) the heap
//   used at the end;
// - peak live heap: the largest heap used right after a collection (what survived);
// - peak committed heap: the largest heap the JVM had reserved from the OS (polled).
// A bench program, not a test and not product code (see bench/README.md). Prints "BENCH key=value"
// lines; exits 3 on OutOfMemoryError (after printing what it measured), 1 on other errors.
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import store.traffictacos.capacity.report.History;
import store.traffictacos.capacity.report.ReportBuilder;
import store.traffictacos.capacity.report.ReportInputs;
import store.traffictacos.capacity.report.ReportService;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.render.HtmlReportWriter;
import store.traffictacos.capacity.report.render.JsonReportWriter;
import store.traffictacos.capacity.report.render.JunitReportWriter;
import store.traffictacos.capacity.report.render.MarkdownReportWriter;
import store.traffictacos.capacity.report.render.ReportFiles;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.results.LatencyCounts;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.RunnerResults;

public class TimeReport {
    static final double MB = 1024.0 * 1024.0;

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !Set.of("build", "stages").contains(args[1])) {
            System.err.println("usage: TimeReport RUN_DIR build|stages");
            System.exit(2);
        }
        Path runDir = Path.of(args[0]);
        HeapWatch heap = new HeapWatch();
        System.gc();
        heap.start();
        long cpu0 = processCpuNanos();
        long[] gc0 = gcCountAndMillis();
        long t0 = System.nanoTime();
        int exit = 0;
        try {
            if (args[1].equals("build")) {
                ReportService.Written written = ReportService.write(runDir, ReportSettings.defaults(), History.none());
                long t1 = System.nanoTime();
                heap.stop();
                print("build_s", seconds(t1 - t0));
                print("verdict", written.report().verdict());
                print("knee", "\"" + ReportFiles.kneeLine(written.report()) + "\"");
            } else {
                stages(runDir, heap, t0);
            }
        } catch (OutOfMemoryError e) {
            heap.stop();
            print("oom", 1);
            print("error", "\"" + e + "\"");
            exit = 3;
        } catch (RuntimeException | java.io.IOException e) {
            heap.stop();
            print("error", "\"" + e + "\"");
            e.printStackTrace();
            exit = 1;
        }
        long[] gc1 = gcCountAndMillis();
        print("cpu_s", seconds(processCpuNanos() - cpu0));
        print("gc_count", gc1[0] - gc0[0]);
        print("gc_s", String.format("%.2f", (gc1[1] - gc0[1]) / 1000.0));
        heap.report();
        print("xmx_mb", Math.round(Runtime.getRuntime().maxMemory() / MB));
        print(
                "gc",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining("+"))
                        .replace(' ', '_'));
        System.out.flush();
        System.exit(exit);
    }

    static void stages(Path runDir, HeapWatch heap, long t0) throws Exception {
        List<Path> runnerDirs;
        try (Stream<Path> children = Files.list(runDir)) {
            runnerDirs = children.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().startsWith("runner-"))
                    .sorted()
                    .toList();
        }
        long[] paused = {0};
        List<RunnerResults> runners = new ArrayList<>();
        long readStart = System.nanoTime();
        long seriesInFiles = 0;
        for (Path dir : runnerDirs) {
            long start = System.nanoTime();
            RunnerResults runner = ResultsFiles.read(dir);
            runners.add(runner);
            seriesInFiles += runner.series().size();
            print("read_" + dir.getFileName().toString().replace('-', '_') + "_s", seconds(System.nanoTime() - start));
        }
        long readNanos = System.nanoTime() - readStart;
        print("read_s", seconds(readNanos));
        print("series_in_files", seriesInFiles);
        print("live_after_read_mb", live(paused));

        long start = System.nanoTime();
        MergedResults merged = MergedResults.merge(runners);
        long mergeNanos = System.nanoTime() - start;
        print("merge_s", seconds(mergeNanos));
        print("merged_series", merged.series().size());
        print(
                "requests",
                merged.series().values().stream().mapToLong(c -> c.totalCount()).sum());
        print("live_after_merge_mb", live(paused));

        start = System.nanoTime();
        CapacityReport report = ReportBuilder.build(ReportInputs.alone(merged, SloSet.defaults()));
        long buildNanos = System.nanoTime() - start;
        print("report_build_s", seconds(buildNanos));
        print("live_after_report_build_mb", live(paused));

        start = System.nanoTime();
        ReportFiles.writeAll(runDir, report);
        long writeNanos = System.nanoTime() - start;
        print("write_all_s", seconds(writeNanos));
        long end = System.nanoTime();
        heap.stop();
        print("stages_total_s", seconds(readNanos + mergeNanos + buildNanos + writeNanos));
        print("stages_wall_s", seconds(end - t0 - paused[0]));
        print("verdict", report.verdict());
        print("timeline_points", report.timeline().size());
        for (String file : List.of(
                ReportFiles.HTML_FILE, ReportFiles.JSON_FILE, ReportFiles.JUNIT_FILE, ReportFiles.MARKDOWN_FILE)) {
            print("bytes_" + file.replace('.', '_'), Files.size(runDir.resolve(file)));
        }

        // Warm JVM, not part of the timings: one runner's read again, whole and in parts (the log's
        // decoding alone; decoding plus the conversion of each decoded histogram to LatencyCounts),
        // to split read_s; then each rendering alone, to split write_all_s.
        Path sample = runnerDirs.get(0);
        start = System.nanoTime();
        ResultsFiles.read(sample);
        print("warm_read_runner_s", seconds(System.nanoTime() - start));
        for (boolean convert : new boolean[] {false, true}) {
            start = System.nanoTime();
            long intervals = 0;
            long samples = 0;
            long footprint = 0;
            try (HistogramLogReader log =
                    new HistogramLogReader(sample.resolve(ResultsFiles.LOG_FILE).toFile())) {
                for (EncodableHistogram read = log.nextIntervalHistogram();
                        read != null;
                        read = log.nextIntervalHistogram()) {
                    intervals++;
                    footprint += ((Histogram) read).getEstimatedFootprintInBytes();
                    samples += convert
                            ? LatencyCounts.of((Histogram) read).totalCount()
                            : ((Histogram) read).getTotalCount();
                }
            }
            String key = convert ? "warm_decode_and_convert" : "warm_decode_only";
            print(key + "_s", seconds(System.nanoTime() - start));
            print(key + "_intervals", intervals);
            print(key + "_samples", samples);
            print(key + "_decoded_histogram_mb", Math.round(footprint / MB));
        }
        print("warm_read_runner", sample.getFileName());

        // Warm JVM: each rendering alone, once (for the split of write_all_s; not part of the timing).
        Map<String, java.util.function.Function<CapacityReport, String>> renders = new java.util.LinkedHashMap<>();
        renders.put("json", JsonReportWriter::render);
        renders.put("junit", JunitReportWriter::render);
        renders.put("markdown", MarkdownReportWriter::render);
        renders.put("html", HtmlReportWriter::render);
        for (Map.Entry<String, java.util.function.Function<CapacityReport, String>> render : renders.entrySet()) {
            start = System.nanoTime();
            String text = render.getValue().apply(report);
            print("warm_render_" + render.getKey() + "_s", seconds(System.nanoTime() - start));
            print("warm_render_" + render.getKey() + "_chars", text.length());
        }
    }

    /** Live heap (MB) after a full collection; the time it takes is added to paused[0]. */
    static long live(long[] paused) {
        long start = System.nanoTime();
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        paused[0] += System.nanoTime() - start;
        return Math.round(used / MB);
    }

    /** Peak heap occupancy from GC notifications and polling; see the header. */
    static final class HeapWatch {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        final AtomicLong beforeGcMax = new AtomicLong();
        final AtomicLong afterGcMax = new AtomicLong();
        final AtomicLong polledMax = new AtomicLong();
        final AtomicLong committedMax = new AtomicLong();
        final AtomicLong collections = new AtomicLong();
        volatile boolean watching;
        volatile boolean stopped;
        long baseline;
        long atEnd;
        Thread poller;

        void start() {
            baseline = memory.getHeapMemoryUsage().getUsed();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc)
                        .addNotificationListener(
                                (notification, handback) -> {
                                    if (!watching
                                            || !notification
                                                    .getType()
                                                    .equals(
                                                            GarbageCollectionNotificationInfo
                                                                    .GARBAGE_COLLECTION_NOTIFICATION)) {
                                        return;
                                    }
                                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData());
                                    beforeGcMax.accumulateAndGet(
                                            heapSum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                                    afterGcMax.accumulateAndGet(
                                            heapSum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                                    collections.incrementAndGet();
                                },
                                null,
                                null);
            }
            watching = true;
            poller = new Thread(
                    () -> {
                        while (!stopped) {
                            MemoryUsage usage = memory.getHeapMemoryUsage();
                            polledMax.accumulateAndGet(usage.getUsed(), Math::max);
                            committedMax.accumulateAndGet(usage.getCommitted(), Math::max);
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-poller");
            poller.setDaemon(true);
            poller.start();
        }

        void stop() {
            if (stopped) {
                return;
            }
            atEnd = memory.getHeapMemoryUsage().getUsed();
            stopped = true;
            try {
                poller.join(1000);
                // GC notifications are delivered asynchronously; give the last ones a moment.
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            watching = false;
        }

        long heapSum(Map<String, MemoryUsage> pools) {
            return pools.entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed())
                    .sum();
        }

        void report() {
            long peak = Math.max(Math.max(beforeGcMax.get(), polledMax.get()), atEnd);
            print("heap_baseline_mb", Math.round(baseline / MB));
            print("peak_heap_used_mb", Math.round(peak / MB));
            print("peak_heap_used_before_gc_mb", Math.round(beforeGcMax.get() / MB));
            print("peak_heap_used_polled_mb", Math.round(polledMax.get() / MB));
            print("heap_used_at_end_mb", Math.round(atEnd / MB));
            print("peak_live_after_gc_mb", Math.round(afterGcMax.get() / MB));
            print("peak_heap_committed_mb", Math.round(committedMax.get() / MB));
            print("gc_notifications", collections.get());
        }
    }

    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long[] gcCountAndMillis() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(gc.getCollectionCount(), 0);
            millis += Math.max(gc.getCollectionTime(), 0);
        }
        return new long[] {count, millis};
    }

    static String seconds(long nanos) {
        return String.format("%.3f", nanos / 1e9);
    }

    static void print(String key, Object value) {
        System.out.println("BENCH " + key + "=" + value);
    }
}
