package store.traffictacos.capacity.emulator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.emulator.store.redis.RedisTestSupport.T0;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.payment.PaymentIntent;
import store.traffictacos.capacity.emulator.payment.PaymentIntent.Status;
import store.traffictacos.capacity.emulator.payment.PaymentStore;
import store.traffictacos.capacity.emulator.payment.PaymentStore.Settlement;

class RedisPaymentStoreTest {
    private RedisStores stores;
    private PaymentStore payments;

    @BeforeEach
    void setUp() {
        URI uri = RedisTestSupport.redisUri();
        RedisTestSupport.flushedClient(uri).close();
        stores = RedisStores.connect(uri, RedisTestSupport.settings());
        payments = stores.state().payments();
    }

    @AfterEach
    void tearDown() {
        if (stores != null) {
            stores.close();
        }
    }

    private PaymentIntent intent(String webhookUrl) {
        return new PaymentIntent(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                50_000,
                "KRW",
                Status.PENDING,
                T0,
                webhookUrl);
    }

    @Test
    @DisplayName("a created intent is found as created")
    void createAndFind() {
        PaymentIntent intent = intent("http://localhost:9/hook");
        payments.create(intent);

        assertThat(payments.find(intent.id())).contains(intent);
    }

    @Test
    @DisplayName("an intent without webhook keeps a null webhook url")
    void nullWebhook() {
        PaymentIntent intent = intent(null);
        payments.create(intent);

        assertThat(payments.find(intent.id())).contains(intent);
    }

    @Test
    @DisplayName("settle moves a PENDING intent once; a settled intent keeps its status")
    void settleOnce() {
        // Given a pending intent
        PaymentIntent intent = intent(null);
        payments.create(intent);

        // When it is approved, then failed
        Optional<Settlement> first = payments.settle(intent.id(), Status.COMPLETED);
        Optional<Settlement> second = payments.settle(intent.id(), Status.FAILED);

        // Then only the first changed it
        assertThat(first).contains(new Settlement(intent.withStatus(Status.COMPLETED), true));
        assertThat(second).contains(new Settlement(intent.withStatus(Status.COMPLETED), false));
    }

    @Test
    @DisplayName("unknown intents are not found and cannot be settled")
    void unknown() {
        assertThat(payments.find("nope")).isEmpty();
        assertThat(payments.settle("nope", Status.COMPLETED)).isEmpty();
    }
}
