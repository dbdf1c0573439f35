package store.traffictacos.capacity.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in profile files: 500ms, 30s, 2m, 1h, 1m30s, or a bare number of seconds. */
public final class DurationText {

    // At most 9 digits per number, so no value can overflow a Duration's nanoseconds.
    private static final Pattern UNITS = Pattern.compile("(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?(?:(\\d{1,9})ms)?");
    private static final Pattern SECONDS = Pattern.compile("-?\\d{1,9}(?:\\.\\d{1,9})?");

    private DurationText() {
    }

    /** The duration, possibly zero or negative (the caller says what it allows); empty if the text is not one. */
    public static Optional<Duration> parse(String text) {
        if (SECONDS.matcher(text).matches()) {
            return Optional.of(Duration.ofNanos(new BigDecimal(text).movePointRight(9)
                    .setScale(0, RoundingMode.HALF_UP).longValueExact()));
        }
        Matcher units = UNITS.matcher(text);
        if (text.isEmpty() || !units.matches()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofHours(number(units.group(1)))
                .plusMinutes(number(units.group(2)))
                .plusSeconds(number(units.group(3)))
                .plusMillis(number(units.group(4))));
    }

    private static long number(String digitsOrNull) {
        return digitsOrNull == null ? 0 : Long.parseLong(digitsOrNull);
    }
}
