package store.traffictacos.capacity.emulator.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The payment simulator: an intent completes {@code completionDelay} after creation unless it was
 * approved or failed first; each settlement fires the intent's webhook once.
 */
public final class PaymentSimulator {
    private final PaymentStore store;
    private final Duration completionDelay;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final WebhookSender webhooks;

    public PaymentSimulator(
            PaymentStore store,
            Duration completionDelay,
            Clock clock,
            ScheduledExecutorService scheduler,
            WebhookSender webhooks) {
        this.store = store;
        this.completionDelay = completionDelay;
        this.clock = clock;
        this.scheduler = scheduler;
        this.webhooks = webhooks;
    }

    public PaymentIntent create(String reservationId, long amount, String currency, String webhookUrl) {
        PaymentIntent intent = new PaymentIntent(
                UUID.randomUUID().toString(),
                reservationId,
                amount,
                currency,
                PaymentIntent.Status.PENDING,
                clock.millis(),
                webhookUrl);
        store.create(intent);
        scheduler.schedule(
                () -> settle(intent.id(), PaymentIntent.Status.COMPLETED),
                completionDelay.toMillis(),
                TimeUnit.MILLISECONDS);
        return intent;
    }

    /** The intent now; one whose completion delay has passed on the clock is completed first. */
    public Optional<PaymentIntent> current(String intentId) {
        Optional<PaymentIntent> intent = store.find(intentId);
        if (intent.isPresent()
                && intent.get().status() == PaymentIntent.Status.PENDING
                && clock.millis() >= intent.get().createdAtMs() + completionDelay.toMillis()) {
            return settle(intentId, PaymentIntent.Status.COMPLETED);
        }
        return intent;
    }

    /** Approve or fail an intent; an intent already settled keeps its status. */
    public Optional<PaymentIntent> settle(String intentId, PaymentIntent.Status status) {
        return store.settle(intentId, status).map(settlement -> {
            PaymentIntent intent = settlement.intent();
            if (settlement.changed() && intent.webhookUrl() != null) {
                webhooks.send(intent, clock.instant());
            }
            return intent;
        });
    }
}
