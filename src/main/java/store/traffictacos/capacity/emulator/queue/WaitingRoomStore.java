package store.traffictacos.capacity.emulator.queue;

import java.util.Map;

/**
 * Where the waiting room keeps its state. Implementations apply the lifetimes of their
 * {@link AdmissionPolicy} and must be safe under concurrent calls; times are epoch
 * milliseconds from the target's clock, so tests can move time.
 */
public interface WaitingRoomStore {

    /** Appends the user at the end of the event's ranking; the heartbeat starts at join. */
    void join(WaitingTicket ticket);

    /**
     * The token's state. Tickets whose heartbeat or lifetime ran out by {@code nowMs} are dropped
     * first (so they no longer count ahead of anyone); with {@code renewHeartbeat} a waiting
     * ticket's heartbeat restarts at {@code nowMs}.
     */
    TicketState lookup(String token, long nowMs, boolean renewHeartbeat);

    /** Takes one token from the event's admission bucket; false when it is empty. */
    boolean takeAdmissionToken(String eventId, long nowMs);

    /**
     * Atomically removes a waiting ticket from its ranking (everyone behind moves up), marks it
     * entered, counts an admission at {@code nowMs} and records {@code reservationToken}.
     *
     * @return false when the ticket was not waiting any more (entered concurrently, left, dropped)
     */
    boolean admit(String token, String reservationToken, long nowMs);

    /** Removes the ticket from its ranking; unknown tokens are ignored. */
    void leave(String token);

    /** Admissions in the event within the policy's admission window ending at {@code nowMs}. */
    long recentAdmissions(String eventId, long nowMs);

    /** Waiting users per event (for {@code /metrics}). */
    Map<String, Long> waitingByEvent();
}
