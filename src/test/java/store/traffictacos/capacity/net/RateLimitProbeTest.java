package store.traffictacos.capacity.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.emulator.guard.RateLimit;
import store.traffictacos.capacity.net.RateLimitProbe.Keying;

@DisplayName("RateLimitProbe: does the platform key its per-client limit on X-Forwarded-For?")
class RateLimitProbeTest {
    // A limit low enough that the probe's bursts draw a bucket down faster than it refills on any machine:
    // against a high one (the production 10,000 req/s) the buckets stay full and the probe says so.
    private static Keying probe(RateLimit limit) {
        try (ReferenceTarget target =
                ReferenceTarget.start(TargetConfig.defaults().withPort(0).withRateLimit(limit))) {
            return RateLimitProbe.probe(target.baseUrl(), null, "probe-test/1");
        }
    }

    @Test
    @DisplayName("against the reference target (keyed as the gateway is): the limit follows the header, with the note")
    void referenceTargetFollowsTheHeader() {
        // When
        Keying keying = probe(new RateLimit(5, 20));

        // Then
        assertThat(keying).isEqualTo(Keying.FOLLOWS_HEADER);
        assertThat(keying.describe()).contains("Security note: any client can pick its own bucket");
    }

    @Test
    @DisplayName("against a target keyed on the peer alone: the limit ignores the header")
    void peerKeyedTargetIgnoresTheHeader() {
        assertThat(probe(new RateLimit(5, 20, false))).isEqualTo(Keying.IGNORES_HEADER);
    }

    @Test
    @DisplayName("a platform that does not answer within the probe's timeout is not determined, not unreachable")
    void slowPlatformUndetermined() {
        // Given a target that answers no API request within 10 minutes
        try (ReferenceTarget target =
                ReferenceTarget.start(TargetConfig.defaults().withPort(0).withCapacity(0, 600_000, 1_000))) {

            // When
            Keying keying = RateLimitProbe.probe(target.baseUrl(), null, "probe-test/1");

            // Then
            assertThat(keying).isEqualTo(Keying.UNDETERMINED);
            assertThat(keying.describe()).contains("did not answer within the probe's 5 s");
        }
    }

    @Test
    @DisplayName("buckets that stayed full tell nothing: not determined")
    void fullBucketsUndetermined() {
        // Given both bursts answered from a full bucket of 15,000
        long[] full = {14_999, 14_999, 14_999, 14_999};

        // When / Then
        assertThat(RateLimitProbe.judge(14_999, full, full)).isEqualTo(Keying.UNDETERMINED);
    }

    @Test
    @DisplayName("a second address that starts full beside a drawn-down first follows; one that goes on, ignores")
    void judgedFromTheRemainingTokens() {
        long[] drawnDown = {1_996, 1_995, 1_994};
        assertThat(RateLimitProbe.judge(1_999, drawnDown, new long[] {1_999, 1_998, 1_997}))
                .isEqualTo(Keying.FOLLOWS_HEADER);
        assertThat(RateLimitProbe.judge(1_999, drawnDown, new long[] {1_993, 1_992, 1_991}))
                .isEqualTo(Keying.IGNORES_HEADER);
    }
}
