package store.traffictacos.capacity.report.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.SyntheticRun;
import store.traffictacos.capacity.results.Outcomes;

@DisplayName("RunSeconds: requests the runner's own HTTP/2 client refused")
class RunSecondsRefusalTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("are out of the run's sent requests in the seconds of one endpoint's SLOs too")
    void outOfTheRunsSentForAnEndpoint() {
        // Given a second of 100 requests, 10 of them joins refused inside the runner
        SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 1, 100);
        for (long i = 0; i < 90; i++) {
            run.request(0, i * 10, "status", Outcomes.OK, 2_000);
        }
        for (long i = 0; i < 10; i++) {
            run.request(0, 900 + i * 10, "join", Outcomes.RUNNER_STREAM_REFUSED, 1);
        }

        // When the seconds of the status endpoint's SLOs are taken
        RunSeconds status = RunSeconds.of(run.merge(), 0.95, "status"::equals);

        // Then the run sent 90 requests to the platform, and the endpoint's errors hold no refusal
        assertThat(status.sent(0)).isEqualTo(90);
        assertThat(status.refusedByRunner(0)).isEqualTo(10);
        assertThat(status.measure(0, 1).errorsByKind()).isEmpty();
    }
}
