package store.traffictacos.capacity.target.queue;

/** A user's place in an event's waiting room, as issued by join. */
public record WaitingTicket(String token, String eventId, String userId, long joinedAtMs) {
}
