package store.traffictacos.capacity.platform.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import store.traffictacos.capacity.platform.PlatformSample;

/**
 * Reads ElastiCache node metrics from CloudWatch with {@code GetMetricData}: one query per node and
 * {@link ElastiCacheMetric}, at most 500 to a request, every {@code NextToken} page followed. Each
 * datapoint becomes a sample {@code <CacheClusterId>/<MetricName>} stamped with the start of its
 * period; a period without a datapoint gives no sample.
 *
 * <p>Never throws from {@link #fetch}: a failure (throttling once the SDK's few retries are spent,
 * access denied, no credentials or region, network) gives what was read before it, usually nothing,
 * and a one-line {@link #unavailableReason()} such as {@code cloudwatch: throttled: Rate exceeded};
 * a query CloudWatch answers only in part keeps its datapoints and is named in the reason.
 * Credentials come from the SDK's default chain (IRSA on EKS); the transport is the JDK's
 * {@code HttpURLConnection}.
 */
public final class ElastiCacheMetrics implements AutoCloseable {
    public static final String SOURCE = "cloudwatch";
    static final String NAMESPACE = "AWS/ElastiCache";
    static final String DIMENSION = "CacheClusterId";
    static final int MAX_QUERIES_PER_REQUEST = 500;
    static final int MAX_ATTEMPTS = 3;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final CloudWatchSettings settings;
    private final AwsCredentialsProvider credentials;
    private final List<List<MetricQuery>> batches;
    private CloudWatchClient client;
    private String unavailableReason;
    private boolean closed;

    /** Does not call AWS yet. */
    public ElastiCacheMetrics(CloudWatchSettings settings) {
        this(settings, DefaultCredentialsProvider.builder().build());
    }

    /** With these credentials instead of the default chain; closed with this. */
    ElastiCacheMetrics(CloudWatchSettings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
        this.batches = MetricQuery.batches(settings, MAX_QUERIES_PER_REQUEST);
    }

    public CloudWatchSettings settings() {
        return settings;
    }

    /**
     * The datapoints of every period overlapping {@code [fromEpochMs, toEpochMs]} (the window is
     * widened to whole periods), ordered by time then series. Never throws for anything CloudWatch,
     * AWS credentials or the network do; only for a window that ends before it starts.
     */
    public synchronized List<PlatformSample> fetch(long fromEpochMs, long toEpochMs) {
        if (toEpochMs < fromEpochMs) {
            throw new IllegalArgumentException("window ends before it starts: " + fromEpochMs + " > " + toEpochMs);
        }
        List<PlatformSample> samples = new ArrayList<>();
        Set<String> problems = new LinkedHashSet<>();
        try {
            CloudWatchClient cloudWatch = client();
            long periodMs = settings.period().toMillis();
            long start = Math.floorDiv(fromEpochMs, periodMs) * periodMs;
            // CloudWatch wants the end after the start, so an instant on a period boundary still reads one period.
            long end = Math.max(-Math.floorDiv(-toEpochMs, periodMs) * periodMs, start + periodMs);
            for (List<MetricQuery> batch : batches) {
                read(cloudWatch, batch, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), samples, problems);
            }
        } catch (Unavailable e) {
            problems.add(e.getMessage());
        } catch (RuntimeException e) {
            problems.add(CloudWatchFailures.reason(e));
        }
        samples.sort(Comparator.comparingLong(PlatformSample::epochMs).thenComparing(PlatformSample::series));
        unavailableReason = problems.isEmpty() ? null : SOURCE + ": " + String.join("; ", problems);
        return samples;
    }

    private void read(
            CloudWatchClient cloudWatch,
            List<MetricQuery> batch,
            Instant start,
            Instant end,
            List<PlatformSample> samples,
            Set<String> problems) {
        Map<String, MetricQuery> byId = new LinkedHashMap<>();
        batch.forEach(query -> byId.put(query.id(), query));
        GetMetricDataRequest request = GetMetricDataRequest.builder()
                .metricDataQueries(batch.stream()
                        .map(query -> query.toSdk(settings.periodSeconds()))
                        .toList())
                .startTime(start)
                .endTime(end)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .build();
        // A query's status on its last page is its final one: PartialData on an earlier page only means "more follows".
        Map<MetricQuery, MetricDataResult> lastPage = new LinkedHashMap<>();
        for (GetMetricDataResponse page : cloudWatch.getMetricDataPaginator(request)) {
            page.messages().forEach(message -> problems.add(text(message)));
            for (MetricDataResult result : page.metricDataResults()) {
                MetricQuery query = byId.get(result.id());
                if (query != null) {
                    addDatapoints(query, result, samples);
                    lastPage.put(query, result);
                }
            }
        }
        problems.addAll(queryProblems(lastPage));
    }

    private void addDatapoints(MetricQuery query, MetricDataResult result, List<PlatformSample> samples) {
        List<Instant> timestamps = result.timestamps();
        List<Double> values = result.values();
        for (int i = 0; i < Math.min(timestamps.size(), values.size()); i++) {
            Double value = values.get(i);
            if (value != null && !value.isNaN()) {
                ElastiCacheMetric metric = query.metric();
                samples.add(new PlatformSample(
                        SOURCE,
                        query.series(),
                        timestamps.get(i).toEpochMilli(),
                        metric.sampleValue(value, settings.periodSeconds()),
                        metric.unit()));
            }
        }
    }

    /** {@code PartialData for a/X, b/X} per distinct status and messages, so twenty failed queries stay one line. */
    private static List<String> queryProblems(Map<MetricQuery, MetricDataResult> lastPage) {
        Map<String, List<String>> seriesByProblem = new LinkedHashMap<>();
        lastPage.forEach((query, result) -> {
            List<String> parts = new ArrayList<>();
            if (result.statusCode() != null && result.statusCode() != StatusCode.COMPLETE) {
                parts.add(result.statusCodeAsString());
            }
            result.messages().forEach(message -> parts.add(text(message)));
            if (!parts.isEmpty()) {
                seriesByProblem
                        .computeIfAbsent(String.join(", ", parts), key -> new ArrayList<>())
                        .add(query.series());
            }
        });
        List<String> problems = new ArrayList<>();
        seriesByProblem.forEach((problem, series) -> problems.add(problem + " for " + String.join(", ", series)));
        return problems;
    }

    private static String text(MessageData message) {
        return CloudWatchFailures.oneLine(message.code() + ": " + message.value());
    }

    /** The client, built on first use; credentials are checked every time, as they can expire or appear. */
    private CloudWatchClient client() throws Unavailable {
        if (closed) {
            throw new Unavailable("closed");
        }
        try {
            credentials.resolveCredentials();
        } catch (RuntimeException e) {
            throw new Unavailable("no AWS credentials found");
        }
        if (client == null) {
            client = build(region());
        }
        return client;
    }

    private Region region() throws Unavailable {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (RuntimeException e) {
            throw new Unavailable("no AWS region found (set AWS_REGION or the region setting)");
        }
    }

    private CloudWatchClient build(Region region) {
        CloudWatchClientBuilder builder = CloudWatchClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(ATTEMPT_TIMEOUT))
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(override -> override.retryStrategy(retryStrategy())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT));
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        return builder.build();
    }

    /**
     * Standard retries, but few and with a short throttling backoff: a throttled fetch gives up
     * within about a second instead of stalling the sampling thread, and the next fetch tries again.
     */
    private static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .throttlingBackoffStrategy(
                        BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(1)))
                .build();
    }

    /** Why the last {@link #fetch} returned nothing or only part, empty when it fully worked. */
    public synchronized Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    /** Releases the client and the credentials provider; never throws. */
    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "ElastiCacheMetrics[" + settings + "]";
    }

    /** A reason known before any request is sent. */
    private static final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }
}
