package store.traffictacos.capacity.platform.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.cloudwatch.FakeCloudWatch.Reply;

@DisplayName("ElastiCacheMetrics against CloudWatch GetMetricData (Smithy RPC v2 CBOR)")
class CloudWatchMetricsFetchTest {
    static final String NODE_A = "tacos-redis-0001-001";
    static final String NODE_B = "tacos-redis-0002-001";
    /** 2026-01-01T00:00:00Z, on a period boundary. */
    static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    static final long MINUTE = 60_000;
    static final AwsCredentialsProvider TEST_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTACOSTEST", "tacos-test-secret"));

    static CloudWatchSettings settings(URI endpoint, String... nodes) {
        return CloudWatchSettings.of(nodes).withRegion("ap-northeast-2").withEndpointOverride(endpoint);
    }

    static ElastiCacheMetrics metrics(FakeCloudWatch cloudWatch) {
        return new ElastiCacheMetrics(settings(cloudWatch.endpoint(), NODE_A, NODE_B), TEST_CREDENTIALS);
    }

    private static List<JsonNode> queries(FakeCloudWatch.Request request) {
        return StreamSupport.stream(request.body().get("MetricDataQueries").spliterator(), false)
                .toList();
    }

    private static Reply empty(JsonNode request) {
        return Reply.ok(StoredDatapoints.page(List.of(), null));
    }

    @Test
    @DisplayName(
            "speaks Smithy RPC v2 CBOR: POST to the GetMetricData operation path, CBOR body, smithy-protocol header")
    void speaksRpcV2Cbor() throws Exception {
        // Given
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(CloudWatchMetricsFetchTest::empty);
                ElastiCacheMetrics metrics = metrics(cloudWatch)) {
            // When
            metrics.fetch(T0, T0 + 5 * MINUTE);

            // Then
            assertThat(cloudWatch.requests()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo(FakeCloudWatch.GET_METRIC_DATA_PATH);
                assertThat(request.contentType()).isEqualTo("application/cbor");
                assertThat(request.smithyProtocol()).isEqualTo("rpc-v2-cbor");
            });
        }
    }

    @Test
    @DisplayName(
            "asks AWS/ElastiCache for the nine metrics of every node by CacheClusterId, with its statistic and the period")
    void asksForEveryMetricOfEveryNode() throws Exception {
        // Given
        Map<String, String> statistics = Map.of(
                "EngineCPUUtilization",
                "Average",
                "CPUUtilization",
                "Average",
                "DatabaseMemoryUsagePercentage",
                "Average",
                "CurrConnections",
                "Average",
                "CacheHits",
                "Sum",
                "CacheMisses",
                "Sum",
                "NetworkBytesIn",
                "Sum",
                "NetworkBytesOut",
                "Sum",
                "Evictions",
                "Sum");
        List<Tuple> expected = new ArrayList<>();
        for (String node : List.of(NODE_A, NODE_B)) {
            statistics.forEach((metric, statistic) ->
                    expected.add(tuple("AWS/ElastiCache", metric, "CacheClusterId", node, statistic, 60)));
        }
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(CloudWatchMetricsFetchTest::empty);
                ElastiCacheMetrics metrics = metrics(cloudWatch)) {
            // When
            metrics.fetch(T0, T0 + 5 * MINUTE);

            // Then
            List<JsonNode> queries = queries(cloudWatch.requests().get(0));
            assertThat(queries)
                    .allSatisfy(query -> assertThat(
                                    query.get("MetricStat").get("Metric").get("Dimensions"))
                            .hasSize(1));
            assertThat(queries)
                    .extracting(
                            query -> query.get("MetricStat")
                                    .get("Metric")
                                    .get("Namespace")
                                    .asText(),
                            query -> query.get("MetricStat")
                                    .get("Metric")
                                    .get("MetricName")
                                    .asText(),
                            query -> query.get("MetricStat")
                                    .get("Metric")
                                    .get("Dimensions")
                                    .get(0)
                                    .get("Name")
                                    .asText(),
                            query -> query.get("MetricStat")
                                    .get("Metric")
                                    .get("Dimensions")
                                    .get(0)
                                    .get("Value")
                                    .asText(),
                            query -> query.get("MetricStat").get("Stat").asText(),
                            query -> query.get("MetricStat").get("Period").asInt())
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(queries).extracting(query -> query.get("Id").asText()).doesNotHaveDuplicates();
        }
    }

    @Test
    @DisplayName("asks for the window widened to whole periods (start down, end up), oldest datapoints first")
    void asksForAlignedWindow() throws Exception {
        // Given
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(CloudWatchMetricsFetchTest::empty);
                ElastiCacheMetrics metrics = metrics(cloudWatch)) {
            // When a window from 10.5 s past a minute to 1 ms past another
            metrics.fetch(T0 + 10_500, T0 + 5 * MINUTE + 1);

            // Then
            JsonNode body = cloudWatch.requests().get(0).body();
            assertThat(StoredDatapoints.epochMs(body.get("StartTime"))).isEqualTo(T0);
            assertThat(StoredDatapoints.epochMs(body.get("EndTime"))).isEqualTo(T0 + 6 * MINUTE);
            assertThat(body.get("ScanBy").asText()).isEqualTo("TimestampAscending");
        }
    }

    @Test
    @DisplayName(
            "gives one sample <CacheClusterId>/<MetricName> per datapoint at its period start: averages as they are, sums per second")
    void parsesDatapoints() throws Exception {
        // Given
        StoredDatapoints stored = new StoredDatapoints()
                .put(NODE_A + "/EngineCPUUtilization", T0, 42.5)
                .put(NODE_A + "/CacheHits", T0, 600)
                .put(NODE_B + "/CurrConnections", T0 + MINUTE, 17)
                .put(NODE_B + "/NetworkBytesIn", T0 + MINUTE, 1_200_000)
                .put(NODE_B + "/Evictions", T0 + MINUTE, 30);
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(stored.answers());
                ElastiCacheMetrics metrics = metrics(cloudWatch)) {
            // When
            List<PlatformSample> samples = metrics.fetch(T0, T0 + 2 * MINUTE);

            // Then
            assertThat(samples)
                    .containsExactly(
                            new PlatformSample("cloudwatch", NODE_A + "/CacheHits", T0, 10.0, "/s"),
                            new PlatformSample("cloudwatch", NODE_A + "/EngineCPUUtilization", T0, 42.5, "%"),
                            new PlatformSample(
                                    "cloudwatch", NODE_B + "/CurrConnections", T0 + MINUTE, 17, "connections"),
                            new PlatformSample("cloudwatch", NODE_B + "/Evictions", T0 + MINUTE, 0.5, "/s"),
                            new PlatformSample(
                                    "cloudwatch", NODE_B + "/NetworkBytesIn", T0 + MINUTE, 20_000, "bytes/s"));
            assertThat(metrics.unavailableReason()).isEmpty();
        }
    }

    @Test
    @DisplayName("a period without a datapoint gives no sample, never a zero")
    void gapStaysMissing() throws Exception {
        // Given no datapoint for the third minute
        StoredDatapoints stored = new StoredDatapoints()
                .put(NODE_A + "/CPUUtilization", T0, 11)
                .put(NODE_A + "/CPUUtilization", T0 + MINUTE, 12)
                .put(NODE_A + "/CPUUtilization", T0 + 3 * MINUTE, 14);
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(stored.answers());
                ElastiCacheMetrics metrics = metrics(cloudWatch)) {
            // When
            List<PlatformSample> samples = metrics.fetch(T0, T0 + 4 * MINUTE);

            // Then
            assertThat(samples)
                    .extracting(PlatformSample::epochMs, PlatformSample::value)
                    .containsExactly(tuple(T0, 11.0), tuple(T0 + MINUTE, 12.0), tuple(T0 + 3 * MINUTE, 14.0));
        }
    }

    @Test
    @DisplayName("follows NextToken: the second page is asked for with the token and merged with the first")
    void followsNextToken() throws Exception {
        // Given a CloudWatch that answers the first two minutes, PartialData and a token, then the rest
        StoredDatapoints stored = new StoredDatapoints();
        for (int minute = 0; minute < 4; minute++) {
            stored.put(NODE_A + "/CacheMisses", T0 + minute * MINUTE, 60.0 * minute);
            stored.put(NODE_B + "/CPUUtilization", T0 + minute * MINUTE, 50.0 + minute);
        }
        long half = T0 + 2 * MINUTE;
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(request -> request.has("NextToken")
                        ? Reply.ok(StoredDatapoints.page(
                                stored.results(request, timestamp -> timestamp >= half, series -> "Complete"), null))
                        : Reply.ok(StoredDatapoints.page(
                                stored.results(request, timestamp -> timestamp < half, series -> "PartialData"),
                                "page-2")));
                ElastiCacheMetrics metrics = metrics(cloudWatch)) {
            // When
            List<PlatformSample> samples = metrics.fetch(T0, T0 + 4 * MINUTE);

            // Then
            List<FakeCloudWatch.Request> requests = cloudWatch.requests();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(0).body().has("NextToken")).isFalse();
            assertThat(requests.get(1).body().get("NextToken").asText()).isEqualTo("page-2");
            assertThat(requests.get(1).body().get("MetricDataQueries"))
                    .isEqualTo(requests.get(0).body().get("MetricDataQueries"));
            assertThat(samples)
                    .extracting(PlatformSample::series, PlatformSample::epochMs, PlatformSample::value)
                    .containsExactly(
                            tuple(NODE_A + "/CacheMisses", T0, 0.0),
                            tuple(NODE_B + "/CPUUtilization", T0, 50.0),
                            tuple(NODE_A + "/CacheMisses", T0 + MINUTE, 1.0),
                            tuple(NODE_B + "/CPUUtilization", T0 + MINUTE, 51.0),
                            tuple(NODE_A + "/CacheMisses", T0 + 2 * MINUTE, 2.0),
                            tuple(NODE_B + "/CPUUtilization", T0 + 2 * MINUTE, 52.0),
                            tuple(NODE_A + "/CacheMisses", T0 + 3 * MINUTE, 3.0),
                            tuple(NODE_B + "/CPUUtilization", T0 + 3 * MINUTE, 53.0));
            assertThat(metrics.unavailableReason()).isEmpty();
        }
    }

    @Test
    @DisplayName("a query left PartialData on the last page keeps its datapoints and is named in the reason")
    void partialDataKeptAndReported() throws Exception {
        // Given
        StoredDatapoints stored =
                new StoredDatapoints().put(NODE_A + "/CPUUtilization", T0, 20).put(NODE_B + "/CPUUtilization", T0, 30);
        String partial = NODE_A + "/CPUUtilization";
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(request -> Reply.ok(StoredDatapoints.page(
                        stored.results(
                                request,
                                timestamp -> true,
                                series -> series.equals(partial) ? "PartialData" : "Complete"),
                        null)));
                ElastiCacheMetrics metrics = metrics(cloudWatch)) {
            // When
            List<PlatformSample> samples = metrics.fetch(T0, T0 + MINUTE);

            // Then
            assertThat(samples)
                    .extracting(PlatformSample::series, PlatformSample::value)
                    .containsExactly(tuple(NODE_A + "/CPUUtilization", 20.0), tuple(NODE_B + "/CPUUtilization", 30.0));
            assertThat(metrics.unavailableReason()).hasValue("cloudwatch: PartialData for " + partial);
        }
    }

    @Test
    @DisplayName("a failed query is named with its status and messages while the other queries' datapoints are kept")
    void failedQueryReported() throws Exception {
        // Given a query CloudWatch refuses, with a message
        StoredDatapoints stored = new StoredDatapoints().put(NODE_B + "/CurrConnections", T0, 8);
        String refused = NODE_A + "/Evictions";
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(request -> {
                    List<Map<String, Object>> results = stored.results(
                            request, timestamp -> true, series -> series.equals(refused) ? "Forbidden" : "Complete");
                    results.stream()
                            .filter(result -> result.get("Label").equals(refused))
                            .forEach(result -> result.put(
                                    "Messages",
                                    List.of(Map.of("Code", "Forbidden", "Value", "no access to this metric"))));
                    return Reply.ok(StoredDatapoints.page(results, null));
                });
                ElastiCacheMetrics metrics = metrics(cloudWatch)) {
            // When
            List<PlatformSample> samples = metrics.fetch(T0, T0 + MINUTE);

            // Then
            assertThat(samples).extracting(PlatformSample::series).containsExactly(NODE_B + "/CurrConnections");
            assertThat(metrics.unavailableReason())
                    .hasValue("cloudwatch: Forbidden, Forbidden: no access to this metric for " + refused);
        }
    }

    @Test
    @DisplayName("cuts more than 500 queries into requests of at most 500 and merges their datapoints")
    void batchesQueries() throws Exception {
        // Given 56 nodes: 504 queries
        String[] nodes = IntStream.rangeClosed(1, 56)
                .mapToObj(i -> "tacos-redis-%04d-001".formatted(i))
                .toArray(String[]::new);
        StoredDatapoints stored = new StoredDatapoints();
        for (String node : nodes) {
            stored.put(node + "/CPUUtilization", T0, 5);
        }
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(stored.answers());
                ElastiCacheMetrics metrics =
                        new ElastiCacheMetrics(settings(cloudWatch.endpoint(), nodes), TEST_CREDENTIALS)) {
            // When
            List<PlatformSample> samples = metrics.fetch(T0, T0 + MINUTE);

            // Then
            assertThat(cloudWatch.requests())
                    .extracting(request -> queries(request).size())
                    .containsExactly(500, 4);
            assertThat(cloudWatch.requests().stream()
                            .flatMap(request -> queries(request).stream())
                            .map(StoredDatapoints::seriesOf))
                    .hasSize(504)
                    .doesNotHaveDuplicates();
            assertThat(samples).hasSize(56).allMatch(sample -> sample.series().endsWith("/CPUUtilization"));
        }
    }

    @Test
    @DisplayName(
            "throttling gives no samples and 'cloudwatch: throttled: Rate exceeded' after three attempts, within 2 s of the first")
    void throttled() throws Exception {
        // Given
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(
                        request -> Reply.error(400, "com.amazonaws.cloudwatch#ThrottlingException", "Rate exceeded"));
                ElastiCacheMetrics metrics = metrics(cloudWatch)) {
            // When
            List<PlatformSample> samples = metrics.fetch(T0, T0 + MINUTE);
            long returned = System.nanoTime();

            // Then
            assertThat(samples).isEmpty();
            assertThat(metrics.unavailableReason()).hasValue("cloudwatch: throttled: Rate exceeded");
            List<FakeCloudWatch.Request> attempts = cloudWatch.requests();
            assertThat(attempts).hasSize(ElastiCacheMetrics.MAX_ATTEMPTS);
            // Timed from the first attempt: the SDK's one-off start-up in this JVM is not the retry policy's doing.
            assertThat(Duration.ofNanos(returned - attempts.get(0).receivedNanos()))
                    .isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    @DisplayName("access denied gives no samples and 'cloudwatch: access denied: <message>'")
    void accessDenied() throws Exception {
        // Given
        String message = "User: arn:aws:sts::123456789012:assumed-role/tacos-capacity/pod is not authorized to perform:"
                + " cloudwatch:GetMetricData";
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(
                        request -> Reply.error(403, "com.amazonaws.cloudwatch#AccessDeniedException", message));
                ElastiCacheMetrics metrics = metrics(cloudWatch)) {
            // When
            List<PlatformSample> samples = metrics.fetch(T0, T0 + MINUTE);

            // Then
            assertThat(samples).isEmpty();
            assertThat(metrics.unavailableReason()).hasValue("cloudwatch: access denied: " + message);
        }
    }

    @Test
    @DisplayName(
            "an endpoint refusing connections gives no samples and 'cloudwatch: unreachable: Connection refused', without throwing")
    void connectionRefused() throws Exception {
        // Given nothing listening
        URI nobody = URI.create("http://127.0.0.1:" + FakeCloudWatch.unusedPort());
        try (ElastiCacheMetrics metrics = new ElastiCacheMetrics(settings(nobody, NODE_A), TEST_CREDENTIALS)) {
            // When
            List<PlatformSample> samples = metrics.fetch(T0, T0 + MINUTE);

            // Then
            assertThat(samples).isEmpty();
            assertThat(metrics.unavailableReason()).hasValue("cloudwatch: unreachable: Connection refused");
        }
    }

    @Test
    @DisplayName(
            "no AWS credentials gives no samples and 'cloudwatch: no AWS credentials found', without calling CloudWatch")
    void noCredentials() throws Exception {
        // Given a credentials source that has none
        AwsCredentialsProvider none = ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder()
                        .content("")
                        .type(ProfileFile.Type.CREDENTIALS)
                        .build())
                .profileName("tacos")
                .build();
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(CloudWatchMetricsFetchTest::empty);
                ElastiCacheMetrics metrics = new ElastiCacheMetrics(settings(cloudWatch.endpoint(), NODE_A), none)) {
            // When
            List<PlatformSample> samples = metrics.fetch(T0, T0 + MINUTE);

            // Then
            assertThat(samples).isEmpty();
            assertThat(metrics.unavailableReason()).hasValue("cloudwatch: no AWS credentials found");
            assertThat(cloudWatch.requests()).isEmpty();
        }
    }

    @Test
    @DisplayName("a fetch that works again clears the previous reason")
    void recovers() throws Exception {
        // Given a fetch that failed
        StoredDatapoints stored = new StoredDatapoints().put(NODE_A + "/CPUUtilization", T0, 3);
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(request ->
                        Reply.error(400, "com.amazonaws.cloudwatch#InvalidParameterValueException", "bad window"));
                ElastiCacheMetrics metrics = metrics(cloudWatch)) {
            metrics.fetch(T0, T0 + MINUTE);
            assertThat(metrics.unavailableReason()).hasValue("cloudwatch: InvalidParameterValueException: bad window");

            // When CloudWatch answers again
            cloudWatch.answer(stored.answers());
            List<PlatformSample> samples = metrics.fetch(T0, T0 + MINUTE);

            // Then
            assertThat(samples).hasSize(1);
            assertThat(metrics.unavailableReason()).isEmpty();
        }
    }
}
