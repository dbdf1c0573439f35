package store.traffictacos.capacity.emulator.queue;

/** A user's place in an event's waiting room, as issued by join. */
public record WaitingTicket(String token, String eventId, String userId, long joinedAtMs) {}
