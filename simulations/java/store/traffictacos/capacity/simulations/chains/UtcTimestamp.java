package store.traffictacos.capacity.simulations.chains;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads a timestamp of the platform's answers, such as a hold's {@code hold_expires_at}, as epoch
 * milliseconds. The common shape, UTC with a {@code Z} ({@code 2026-12-07T10:15:30Z}, with up to nine
 * digits of fraction), is read here: {@link Instant#parse} builds a parse context and a map of fields for
 * every call, and was 3 % of the runner's CPU samples (one call per hold, JFR at 8,000 req/s). Any other
 * text goes to {@link Instant#parse}, which also decides what is not a timestamp.
 */
final class UtcTimestamp {
    /** {@code yyyy-MM-ddTHH:mm:ssZ}: the shortest text read here. */
    private static final int SECONDS_LENGTH = 20;

    private static final int MAX_FRACTION_DIGITS = 9;

    private UtcTimestamp() {}

    /** @throws java.time.format.DateTimeParseException when {@code text} is not an ISO-8601 instant */
    static long epochMs(String text) {
        long epochMs = utcZulu(text);
        return epochMs != Long.MIN_VALUE ? epochMs : Instant.parse(text).toEpochMilli();
    }

    /** The instant of {@code text} in the common shape; {@link Long#MIN_VALUE} for any other text. */
    private static long utcZulu(String text) {
        int length = text.length();
        if (length < SECONDS_LENGTH
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int millis = fractionMillis(text, 19, length - 1);
        // a leap second (60) and the like are Instant.parse's to read or refuse
        if ((year | month | day | hour | minute | second | millis) < 0 || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException notADate) {
            return Long.MIN_VALUE;
        }
        return (epochDay * 86_400 + hour * 3_600L + minute * 60L + second) * 1_000 + millis;
    }

    /** The decimal number of {@code text[from, to)}; -1 if a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The milliseconds of a fraction {@code .d…} in {@code text[from, to)} (none: 0); -1 if malformed. */
    private static int fractionMillis(String text, int from, int to) {
        if (from == to) {
            return 0;
        }
        int fractionDigits = to - from - 1;
        if (text.charAt(from) != '.' || fractionDigits < 1 || fractionDigits > MAX_FRACTION_DIGITS) {
            return -1;
        }
        if (digits(text, from + 1, to) < 0) {
            return -1;
        }
        int millisDigits = Math.min(3, fractionDigits);
        int millis = digits(text, from + 1, from + 1 + millisDigits);
        for (int i = millisDigits; i < 3; i++) {
            millis *= 10;
        }
        return millis;
    }
}
