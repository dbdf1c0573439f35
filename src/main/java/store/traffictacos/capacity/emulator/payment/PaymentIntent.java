package store.traffictacos.capacity.emulator.payment;

/** A payment simulator intent; PENDING until approved, failed, or its completion delay passes. */
public record PaymentIntent(
        String id,
        String reservationId,
        long amount,
        String currency,
        Status status,
        long createdAtMs,
        String webhookUrl) {

    public enum Status {
        PENDING,
        COMPLETED,
        FAILED
    }

    public PaymentIntent withStatus(Status newStatus) {
        return new PaymentIntent(id, reservationId, amount, currency, newStatus, createdAtMs, webhookUrl);
    }
}
