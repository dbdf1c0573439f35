package store.traffictacos.capacity.emulator.payment;

import java.util.Optional;

/** Payment intents. */
public interface PaymentStore {

    void create(PaymentIntent intent);

    Optional<PaymentIntent> find(String intentId);

    /**
     * Moves a PENDING intent to {@code status}; an intent already settled keeps its status.
     *
     * @return the intent after the call, and whether this call changed it; empty when unknown
     */
    Optional<Settlement> settle(String intentId, PaymentIntent.Status status);

    record Settlement(PaymentIntent intent, boolean changed) {}
}
