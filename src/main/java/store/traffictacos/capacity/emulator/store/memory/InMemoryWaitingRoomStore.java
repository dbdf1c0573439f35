package store.traffictacos.capacity.emulator.store.memory;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import store.traffictacos.capacity.emulator.queue.AdmissionPolicy;
import store.traffictacos.capacity.emulator.queue.TicketState;
import store.traffictacos.capacity.emulator.queue.WaitingRoomStore;
import store.traffictacos.capacity.emulator.queue.WaitingTicket;

/** Waiting rooms in this process: one lock per event, O(log n) positions. */
final class InMemoryWaitingRoomStore implements WaitingRoomStore {
    private final AdmissionPolicy policy;
    private final Map<String, EventRoom> rooms = new ConcurrentHashMap<>();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    InMemoryWaitingRoomStore(AdmissionPolicy policy) {
        this.policy = policy;
    }

    private enum State {
        WAITING,
        ENTERED,
        GONE
    }

    private static final class Ticket {
        final WaitingTicket ticket;
        final int sequence;
        State state = State.WAITING;
        long lastPollMs;

        Ticket(WaitingTicket ticket, int sequence) {
            this.ticket = ticket;
            this.sequence = sequence;
            this.lastPollMs = ticket.joinedAtMs();
        }
    }

    /** One event's ranking, heartbeat order, admission bucket and admission history. */
    private final class EventRoom {
        final RankIndex ranks = new RankIndex();
        /** Waiting tickets, least recently polled first (re-inserted on every poll). */
        final LinkedHashMap<String, Ticket> byLastPoll = new LinkedHashMap<>();
        /** Every ticket not yet forgotten, in join order, which is also lifetime order. */
        final ArrayDeque<Ticket> byJoin = new ArrayDeque<>();

        final ArrayDeque<Long> admissions = new ArrayDeque<>();
        double bucketTokens = policy.bucketCapacity();
        long bucketLastMs = Long.MIN_VALUE;

        /** Drops waiting tickets whose heartbeat ran out and forgets tickets whose lifetime ended. */
        void dropStale(long nowMs) {
            Iterator<Ticket> oldestPollFirst = byLastPoll.values().iterator();
            while (oldestPollFirst.hasNext()) {
                Ticket ticket = oldestPollFirst.next();
                if (ticket.lastPollMs + policy.heartbeatMs() > nowMs) {
                    break;
                }
                oldestPollFirst.remove();
                drop(ticket);
            }
            while (!byJoin.isEmpty() && expired(byJoin.peekFirst(), nowMs)) {
                Ticket ticket = byJoin.pollFirst();
                if (ticket.state == State.WAITING) {
                    byLastPoll.remove(ticket.ticket.token());
                }
                drop(ticket);
            }
        }

        void drop(Ticket ticket) {
            if (ticket.state == State.WAITING) {
                ranks.remove(ticket.sequence);
            }
            ticket.state = State.GONE;
            tickets.remove(ticket.ticket.token());
        }

        long recentAdmissions(long nowMs) {
            while (!admissions.isEmpty() && admissions.peekFirst() <= nowMs - policy.admissionWindowMs()) {
                admissions.pollFirst();
            }
            return admissions.size();
        }
    }

    private boolean expired(Ticket ticket, long nowMs) {
        return ticket.ticket.joinedAtMs() + policy.ticketLifetimeMs() <= nowMs;
    }

    private EventRoom room(String eventId) {
        return rooms.computeIfAbsent(eventId, id -> new EventRoom());
    }

    @Override
    public void join(WaitingTicket ticket) {
        EventRoom room = room(ticket.eventId());
        synchronized (room) {
            room.dropStale(ticket.joinedAtMs());
            Ticket entry = new Ticket(ticket, room.ranks.append());
            room.byLastPoll.put(ticket.token(), entry);
            room.byJoin.addLast(entry);
            tickets.put(ticket.token(), entry);
        }
    }

    @Override
    public TicketState lookup(String token, long nowMs, boolean renewHeartbeat) {
        Ticket entry = tickets.get(token);
        if (entry == null) {
            return new TicketState.Unknown();
        }
        EventRoom room = room(entry.ticket.eventId());
        synchronized (room) {
            room.dropStale(nowMs);
            switch (entry.state) {
                case ENTERED:
                    return new TicketState.Entered();
                case GONE:
                    return new TicketState.Unknown();
                default:
                    if (renewHeartbeat) {
                        entry.lastPollMs = nowMs;
                        room.byLastPoll.remove(token);
                        room.byLastPoll.put(token, entry);
                    }
                    return new TicketState.Waiting(entry.ticket, room.ranks.position(entry.sequence));
            }
        }
    }

    @Override
    public boolean takeAdmissionToken(String eventId, long nowMs) {
        EventRoom room = room(eventId);
        synchronized (room) {
            if (room.bucketLastMs != Long.MIN_VALUE) {
                long elapsedMs = Math.max(0, nowMs - room.bucketLastMs);
                room.bucketTokens = Math.min(
                        policy.bucketCapacity(),
                        room.bucketTokens + elapsedMs * policy.bucketRefillPerSecond() / 1000.0);
            }
            room.bucketLastMs = nowMs;
            if (room.bucketTokens < 1) {
                return false;
            }
            room.bucketTokens -= 1;
            return true;
        }
    }

    /** The reservation token has no reader inside the target, so this store does not keep it. */
    @Override
    public boolean admit(String token, String reservationToken, long nowMs) {
        Ticket entry = tickets.get(token);
        if (entry == null) {
            return false;
        }
        EventRoom room = room(entry.ticket.eventId());
        synchronized (room) {
            room.dropStale(nowMs);
            if (entry.state != State.WAITING) {
                return false;
            }
            room.byLastPoll.remove(token);
            room.ranks.remove(entry.sequence);
            entry.state = State.ENTERED;
            room.admissions.addLast(nowMs);
            return true;
        }
    }

    @Override
    public void leave(String token) {
        Ticket entry = tickets.get(token);
        if (entry == null) {
            return;
        }
        EventRoom room = room(entry.ticket.eventId());
        synchronized (room) {
            if (entry.state == State.WAITING) {
                room.byLastPoll.remove(token);
                room.drop(entry);
            }
        }
    }

    @Override
    public long recentAdmissions(String eventId, long nowMs) {
        EventRoom room = room(eventId);
        synchronized (room) {
            return room.recentAdmissions(nowMs);
        }
    }

    @Override
    public Map<String, Long> waitingByEvent() {
        Map<String, Long> waiting = new HashMap<>();
        rooms.forEach((eventId, room) -> {
            synchronized (room) {
                waiting.put(eventId, (long) room.ranks.waiting());
            }
        });
        return waiting;
    }

    /** Forgets every room and ticket; returns how many tickets and rooms there were. */
    long clear() {
        long count = tickets.size() + rooms.size();
        tickets.clear();
        rooms.clear();
        return count;
    }

    long ticketCount() {
        return tickets.size();
    }
}
