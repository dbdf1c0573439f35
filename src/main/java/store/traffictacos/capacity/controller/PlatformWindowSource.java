package store.traffictacos.capacity.controller;

import java.util.List;
import store.traffictacos.capacity.platform.PlatformSample;

/**
 * A platform source read once for the whole run after it ended (CloudWatch, whose datapoints lag
 * minutes behind): samples of {@code [fromEpochMs, toEpochMs)}, and why not all when some failed.
 */
public interface PlatformWindowSource {
    String source();

    Window fetch(long fromEpochMs, long toEpochMs);

    record Window(List<PlatformSample> samples, String unavailableReason) {}
}
