package store.traffictacos.capacity.emulator.queue;

/** What the waiting room knows about a waiting token. */
public sealed interface TicketState {

    /** Still in the ranking; {@code position} is 1-based within the event. */
    record Waiting(WaitingTicket ticket, long position) implements TicketState {}

    /** Admitted by enter; the token no longer answers status. */
    record Entered() implements TicketState {}

    /** Never issued, left, or dropped (heartbeat or lifetime ran out). */
    record Unknown() implements TicketState {}
}
