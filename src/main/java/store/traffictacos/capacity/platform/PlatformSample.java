package store.traffictacos.capacity.platform;

import java.util.Objects;

/**
 * One point of one platform metric series, stamped on the run's clock.
 *
 * @param source  the sampler that produced it, e.g. {@code redis}
 * @param series  the series within the source, e.g. {@code 127.0.0.1:6379/ops_per_sec}
 * @param epochMs when it was sampled, epoch milliseconds on the run's clock
 * @param value   the value, in {@code unit}
 * @param unit    e.g. {@code ops/s}, {@code %}, {@code bytes}, {@code clients}
 */
public record PlatformSample(String source, String series, long epochMs, double value, String unit) {
    public PlatformSample {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(unit, "unit");
    }
}
