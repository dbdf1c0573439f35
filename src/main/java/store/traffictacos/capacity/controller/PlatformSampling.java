package store.traffictacos.capacity.controller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSampler;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.platform.SamplingSchedule;
import store.traffictacos.capacity.runner.RunFolder;

/**
 * The controller's platform metrics: the live samplers on a schedule from the start instant to the
 * end of the run, plus sources read for the run's window afterwards (CloudWatch, which lags), all
 * written to the run's {@code platform.json}. A source that fails never fails the run.
 */
final class PlatformSampling implements AutoCloseable {
    private final List<PlatformSampler> live;
    private final List<PlatformWindowSource> afterwards;
    private final Duration period;
    private SamplingSchedule schedule;

    PlatformSampling(List<PlatformSampler> live, List<PlatformWindowSource> afterwards, Duration period) {
        this.live = List.copyOf(live);
        this.afterwards = List.copyOf(afterwards);
        this.period = period;
    }

    static PlatformSampling none() {
        return new PlatformSampling(List.of(), List.of(), Duration.ofSeconds(5));
    }

    void start() {
        if (!live.isEmpty()) {
            schedule = new SamplingSchedule(live, period).start();
        }
    }

    /**
     * Stops sampling, reads the window sources for {@code [fromEpochMs, toEpochMs)} and writes
     * {@code platform.json} into {@code runDir} (when there is anything to write).
     */
    void finish(Path runDir, long fromEpochMs, long toEpochMs) {
        List<PlatformSample> samples = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        Set<String> readAfterwards = new HashSet<>();
        afterwards.forEach(source -> readAfterwards.add(source.source()));
        if (schedule != null) {
            schedule.stop();
            // A source also read for the whole window afterwards keeps that read: it has what came in late.
            schedule.samples().stream()
                    .filter(sample -> !readAfterwards.contains(sample.source()))
                    .forEach(samples::add);
            schedule.unavailable().forEach((source, reason) -> {
                if (!readAfterwards.contains(source)) {
                    unavailable.put(source, reason);
                }
            });
        }
        for (PlatformWindowSource source : afterwards) {
            PlatformWindowSource.Window window = source.fetch(fromEpochMs, toEpochMs);
            samples.addAll(window.samples());
            if (window.unavailableReason() != null) {
                unavailable.put(source.source(), window.unavailableReason());
            }
        }
        if (samples.isEmpty() && unavailable.isEmpty()) {
            return;
        }
        try {
            PlatformSeriesFile.write(new RunFolder(runDir).platformFile(), samples, unavailable);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the platform series into " + runDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.stop();
        }
        live.forEach(PlatformSampler::close);
    }
}
