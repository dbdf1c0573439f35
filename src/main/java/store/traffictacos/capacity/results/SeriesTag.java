package store.traffictacos.capacity.results;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The interval tag of a series in {@code results.hlog}: {@code endpoint=<e>;outcome=<o>}.
 *
 * <p>HdrHistogram's log scanner splits lines on space, comma, CR and LF, and only matches a tag
 * without line terminators, so a raw endpoint such as {@code "POST /api/v1/reservations"} would
 * corrupt the line. Each value is therefore percent-encoded: every byte of its UTF-8 form outside
 * printable ASCII ({@code 0x21..0x7E}), and {@code %}, {@code ,}, {@code ;} and {@code =}, is
 * written as {@code %XX} (upper-case hex). So {@code "POST /r/{id}"} becomes
 * {@code POST%20/r/{id}}.
 */
final class SeriesTag {
    private static final String ENDPOINT = "endpoint=";
    private static final String OUTCOME = ";outcome=";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SeriesTag() {}

    static String encode(String endpoint, String outcome) {
        return ENDPOINT + encode(endpoint) + OUTCOME + encode(outcome);
    }

    /** The key of the series logged with {@code tag} at {@code second}. */
    static SeriesKey decode(long second, @Nullable String tag) {
        if (tag == null || !tag.startsWith(ENDPOINT) || !tag.contains(OUTCOME)) {
            throw new IllegalArgumentException("tag '" + tag + "' is not endpoint=<e>;outcome=<o>");
        }
        int split = tag.indexOf(OUTCOME);
        return new SeriesKey(
                second,
                decodeValue(tag, tag.substring(ENDPOINT.length(), split)),
                decodeValue(tag, tag.substring(split + OUTCOME.length())));
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 0x21 && c <= 0x7E && c != '%' && c != ',' && c != ';' && c != '=') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static String decodeValue(String tag, String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new IllegalArgumentException("tag '" + tag + "' has a bad %-escape at " + i);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c >= 0x21 && c <= 0x7E && c != ';' && c != ',' && c != '=') {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("tag '" + tag + "' has an unencoded '" + c + "'");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("tag '" + tag + "' is not UTF-8 once decoded", e);
        }
    }
}
