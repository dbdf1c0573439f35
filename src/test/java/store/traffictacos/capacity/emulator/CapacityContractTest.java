package store.traffictacos.capacity.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.TargetFixture.Reply;

@DisplayName("Capacity model over HTTP")
class CapacityContractTest {
    private static final String STATUS = "/api/v1/queue/status?token=t";

    private TargetFixture api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    @DisplayName("an API request is answered no sooner than the service time")
    void serviceTimeDelays() {
        // Given
        api = new TargetFixture(Backend.MEMORY, TargetConfig.defaults().withCapacity(0, 80, 10));

        // When
        long start = System.nanoTime();
        Reply reply = api.get(STATUS);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        // Then
        assertThat(reply.status()).isEqualTo(404);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(80);
    }

    @Test
    @DisplayName("past the queue limit requests get 503 CAPACITY_EXCEEDED while health routes still answer")
    void queueFullRejects() throws Exception {
        // Given 5 req/s (one start per 200 ms) and room for 2 waiting requests
        api = new TargetFixture(Backend.MEMORY, TargetConfig.defaults().withCapacity(5, 0, 2));

        // When 12 requests arrive together
        List<Reply> replies = concurrently(12);

        // Then about three are served (one at once, two from the queue), the rest are refused
        long refused = replies.stream().filter(reply -> reply.status() == 503).count();
        assertThat(replies)
                .filteredOn(reply -> reply.status() == 503)
                .allSatisfy(reply -> assertThat(reply.errorCode()).isEqualTo("CAPACITY_EXCEEDED"));
        assertThat(refused).isBetween(6L, 9L);
        assertThat(api.get("/healthz").status()).isEqualTo(200);
    }

    private List<Reply> concurrently(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return api.get(STATUS);
                        },
                        pool));
            }
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (CompletableFuture<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
