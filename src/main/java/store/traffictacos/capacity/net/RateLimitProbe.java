package store.traffictacos.capacity.net;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.config.Uris;

/**
 * Before any load: does the platform key its per-client limit on {@code X-Forwarded-For}? A handful of
 * requests under one address, then under another, each answered with the {@code X-RateLimit-Remaining}
 * of the bucket it drew on. If the second address starts from a full bucket while the first had drawn
 * its own down, they are two buckets: the limit follows the header. If the second continues where the
 * first left off, they share the peer's: the header is ignored. If the first address's bucket refilled as
 * fast as the probe drew on it (a high limit over a slow network), the probe cannot tell.
 *
 * <p>Each address's requests go out together, so that its bucket has no time to refill between them.
 * The probe asks for a waiting-room status (read only, answered 404 for its unknown token) with two
 * addresses of TEST-NET-1 (RFC 5737), which no real client has.
 */
public final class RateLimitProbe {
    /**
     * Requests sent together under each address: enough to draw a bucket visibly down when its refill
     * over the burst's few milliseconds is smaller (limits up to a few thousand req/s).
     */
    static final int REQUESTS_PER_ADDRESS = 16;

    /** What the probe found. */
    public enum Keying {
        /** Each X-Forwarded-For address has a bucket of its own. */
        FOLLOWS_HEADER,
        /** Both addresses drew on one bucket: the peer's. */
        IGNORES_HEADER,
        /** The buckets stayed full, or the answers carried no X-RateLimit-Remaining. */
        UNDETERMINED;

        /** One line for the console and the report. */
        public String describe() {
            return switch (this) {
                case FOLLOWS_HEADER ->
                    "the platform's per-client limit follows X-Forwarded-For. Security note: any client can"
                            + " pick its own bucket by sending that header, so the per-client limit can be evaded"
                            + " unless a trusted proxy sets it";
                case IGNORES_HEADER ->
                    "the platform's per-client limit ignores X-Forwarded-For: it keys on the address requests"
                            + " come from";
                case UNDETERMINED ->
                    "whether the platform's per-client limit follows X-Forwarded-For was not determined: its"
                            + " buckets refilled as fast as the probe drew on them, it sent no"
                            + " X-RateLimit-Remaining, or it did not answer within the probe's 5 s";
            };
        }
    }

    private RateLimitProbe() {}

    /**
     * @param tls null: the JVM's default trust
     * @param userAgent the runners' User-Agent, so that a WAF treats the probe as it treats them
     */
    public static Keying probe(URI target, @Nullable SSLContext tls, String userAgent) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        HttpClient client = builder.build();
        int first = 1 + ThreadLocalRandom.current().nextInt(253);
        try {
            String a = "192.0.2." + first;
            // the first burst opens the connections, so that the next ones leave together over them
            long[] opening = burst(client, target, a, userAgent);
            long[] underA = burst(client, target, a, userAgent);
            long[] underB = burst(client, target, "192.0.2." + (first % 253 + 1), userAgent);
            return opening == null || underA == null || underB == null
                    ? Keying.UNDETERMINED
                    : judge(LongStream.of(opening).max().orElseThrow(), underA, underB);
        } catch (HttpTimeoutException e) {
            // a platform too slow to answer a burst in time cannot be told apart; the load will show it
            return Keying.UNDETERMINED;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "target " + Uris.redact(target) + " is unreachable: the rate-limit probe failed ("
                            + ConnectionFailures.reason(e) + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + Uris.redact(target), e);
        }
    }

    /**
     * The remaining tokens each of a burst of requests under {@code address} was answered with, sent
     * together so that the bucket cannot refill between them; null when an answer carried none.
     */
    private static long @Nullable [] burst(HttpClient client, URI target, String address, String userAgent)
            throws IOException, InterruptedException {
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_ADDRESS; i++) {
            sent.add(client.sendAsync(
                    HttpRequest.newBuilder(target.resolve("/api/v1/queue/status?token=rate-limit-probe"))
                            .timeout(Duration.ofSeconds(5))
                            .header("X-Forwarded-For", address)
                            .header("User-Agent", userAgent)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        long[] remaining = new long[sent.size()];
        for (int i = 0; i < remaining.length; i++) {
            OptionalLong value = remaining(answer(sent.get(i)));
            if (value.isEmpty()) {
                return null;
            }
            remaining[i] = value.getAsLong();
        }
        return remaining;
    }

    private static HttpResponse<Void> answer(CompletableFuture<HttpResponse<Void>> sent)
            throws IOException, InterruptedException {
        try {
            return sent.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("the rate-limit probe failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * @param fresh the highest remaining the first address's opening burst was answered with: its bucket
     *     then, full or nearly
     * @param underA remaining tokens its next burst was answered with
     * @param underB the same under the second address, sent right after
     */
    static Keying judge(long fresh, long[] underA, long[] underB) {
        long aLowest = LongStream.of(underA).min().orElseThrow();
        long bHighest = LongStream.of(underB).max().orElseThrow();
        if (fresh - aLowest < 3) {
            return Keying.UNDETERMINED;
        }
        // a bucket of its own starts as full as A's did; one shared goes on from where A's bursts left it
        if (bHighest >= fresh - 1) {
            return Keying.FOLLOWS_HEADER;
        }
        if (bHighest <= aLowest + (fresh - aLowest) / 2) {
            return Keying.IGNORES_HEADER;
        }
        return Keying.UNDETERMINED;
    }

    private static OptionalLong remaining(HttpResponse<Void> response) {
        try {
            return response.headers()
                    .firstValue("X-RateLimit-Remaining")
                    .map(value -> OptionalLong.of(Long.parseLong(value.strip())))
                    .orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
