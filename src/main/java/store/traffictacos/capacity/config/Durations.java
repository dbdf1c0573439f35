package store.traffictacos.capacity.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them, in profiles, run specs and options alike: 500ms, 30s, 2m, 1h, 1m30s.
 * A unit is always needed: a bare {@code 10} could mean seconds, minutes or milliseconds to its reader.
 */
public final class Durations {
    // At most 9 digits per number, so no value can overflow a Duration's nanoseconds.
    private static final Pattern UNITS =
            Pattern.compile("(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?(?:(\\d{1,9})ms)?");

    private Durations() {}

    /** @throws IllegalArgumentException one line saying how to write a duration, or that it must be above zero */
    public static Duration positive(String text) {
        String given = text == null ? "" : text.strip();
        Matcher units = UNITS.matcher(given);
        if (given.isEmpty() || !units.matches()) {
            throw new IllegalArgumentException("must be a duration such as 30s, 5m or 1m30s, got '" + given + "'");
        }
        Duration duration = Duration.ofHours(number(units.group(1)))
                .plusMinutes(number(units.group(2)))
                .plusSeconds(number(units.group(3)))
                .plusMillis(number(units.group(4)));
        if (duration.isZero()) {
            throw new IllegalArgumentException("must be positive, got '" + given + "'");
        }
        return duration;
    }

    private static long number(String digitsOrNull) {
        return digitsOrNull == null ? 0 : Long.parseLong(digitsOrNull);
    }
}
