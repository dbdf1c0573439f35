package store.traffictacos.capacity.emulator.store.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import store.traffictacos.capacity.emulator.payment.PaymentIntent;
import store.traffictacos.capacity.emulator.payment.PaymentStore;

/** Payment intents in this process. */
final class InMemoryPaymentStore implements PaymentStore {
    private final Map<String, PaymentIntent> intents = new ConcurrentHashMap<>();

    @Override
    public void create(PaymentIntent intent) {
        intents.put(intent.id(), intent);
    }

    @Override
    public Optional<PaymentIntent> find(String intentId) {
        return Optional.ofNullable(intents.get(intentId));
    }

    @Override
    public Optional<Settlement> settle(String intentId, PaymentIntent.Status status) {
        boolean[] changed = new boolean[1];
        PaymentIntent after = intents.computeIfPresent(intentId, (id, intent) -> {
            if (intent.status() != PaymentIntent.Status.PENDING) {
                return intent;
            }
            changed[0] = true;
            return intent.withStatus(status);
        });
        return Optional.ofNullable(after).map(intent -> new Settlement(intent, changed[0]));
    }

    long size() {
        return intents.size();
    }
}
