package store.traffictacos.capacity.emulator.netty;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header an origin server sends (RFC 9110), formatted once per second. */
final class DateHeader {
    private static volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    private record Cached(long epochSecond, String value) {}

    private DateHeader() {}

    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Cached current = cached;
        if (current.epochSecond() != second) {
            current = new Cached(
                    second,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)));
            cached = current;
        }
        return current.value();
    }
}
