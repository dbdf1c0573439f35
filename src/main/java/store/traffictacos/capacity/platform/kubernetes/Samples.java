package store.traffictacos.capacity.platform.kubernetes;

import java.util.ArrayList;
import java.util.List;
import store.traffictacos.capacity.platform.PlatformSample;

/** The samples of one {@link KubernetesSampler#sample}: all from its source, all stamped with its time. */
final class Samples {
    private final long epochMs;
    private final List<PlatformSample> samples = new ArrayList<>();

    Samples(long epochMs) {
        this.epochMs = epochMs;
    }

    void add(String series, double value, String unit) {
        samples.add(new PlatformSample(KubernetesSampler.SOURCE, series, epochMs, value, unit));
    }

    /** 1 when {@code condition} holds, else 0, unit {@code flag}. */
    void addFlag(String series, boolean condition) {
        add(series, condition ? 1 : 0, "flag");
    }

    List<PlatformSample> toList() {
        return List.copyOf(samples);
    }
}
