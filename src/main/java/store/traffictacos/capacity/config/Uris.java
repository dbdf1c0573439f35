package store.traffictacos.capacity.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The URLs a user gives (target, Redis, Prometheus...), checked once where they are read, and the one
 * redaction that keeps a password out of every line, file and error that shows a URL.
 *
 * <p>Each check throws a message without the option's name (e.g. {@code must be an http(s) URL such as
 * http://host:port, got 'ftp://x'}); the caller that knows how the user gave the value prefixes it
 * ({@code --target: }, {@code -Dtarget.url: }, {@code run-spec.yaml line 4: target: }), so a bad value
 * reads the same wherever it is given.
 */
public final class Uris {
    /** {@code scheme://user:password@} in free text, e.g. a library's error message that echoes a URL. */
    private static final Pattern USER_INFO_IN_TEXT = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/\\s@'\"]*@");

    private Uris() {}

    /** An {@code http} or {@code https} URL with a host; user info is refused nowhere but never shown. */
    public static URI http(@Nullable String text) {
        URI uri = parse(text);
        if (uri == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "must be an http(s) URL such as http://host:port, got '" + redact(text) + "'");
        }
        return uri;
    }

    /** A {@code redis} or {@code rediss} URI with a host, e.g. {@code redis://host:6379/0}. */
    public static URI redis(@Nullable String text) {
        URI uri = parse(text);
        if (uri == null
                || !("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("must look like redis://host:port, got '" + redact(text) + "'");
        }
        return uri;
    }

    /** The URI without user info, query or fragment: what any output may show of it. */
    public static URI redact(URI uri) {
        try {
            String path = uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath())
                    ? null
                    : uri.getPath();
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            return URI.create(uri.getScheme() + "://" + uri.getHost());
        }
    }

    /** Free text (a value as given, an error message) with the user info of every URL in it removed. */
    public static @Nullable String redact(@Nullable String text) {
        return text == null ? null : USER_INFO_IN_TEXT.matcher(text).replaceAll("$1");
    }

    private static @Nullable URI parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
