package store.traffictacos.capacity.emulator.store.redis;

import static store.traffictacos.capacity.emulator.store.redis.Replies.list;
import static store.traffictacos.capacity.emulator.store.redis.Replies.number;
import static store.traffictacos.capacity.emulator.store.redis.Replies.orEmpty;
import static store.traffictacos.capacity.emulator.store.redis.Replies.present;
import static store.traffictacos.capacity.emulator.store.redis.Replies.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import store.traffictacos.capacity.emulator.reservation.HoldRequest;
import store.traffictacos.capacity.emulator.reservation.HoldResult;
import store.traffictacos.capacity.emulator.reservation.Reservation;
import store.traffictacos.capacity.emulator.reservation.ReservationStore;
import store.traffictacos.capacity.emulator.reservation.SeatMap;
import store.traffictacos.capacity.emulator.reservation.Transition;

/**
 * Inventory as one bitmap per event ({@code inventory:<event>:taken}, bit n = seat Sn) plus a
 * ZSET of holds by expiry; reservations are {@code reservation:<id>} hashes. Every operation is
 * one script that first returns the seats of expired holds, so a seat is never sold twice.
 */
final class RedisReservationStore implements ReservationStore {
    private static final LuaScript HOLD = LuaScript.load("inventory_common.lua", "reservation_hold.lua");
    private static final LuaScript FIND = LuaScript.load("inventory_common.lua", "reservation_find.lua");
    private static final LuaScript TRANSITION = LuaScript.load("inventory_common.lua", "reservation_transition.lua");
    private static final LuaScript SEAT_COUNTS = LuaScript.load("inventory_common.lua", "reservation_seat_counts.lua");

    private final UnifiedJedis redis;
    private final SeatMap seats;

    RedisReservationStore(UnifiedJedis redis, SeatMap seats) {
        this.redis = redis;
        this.seats = seats;
    }

    @Override
    public HoldResult hold(HoldRequest request) {
        List<String> args = new ArrayList<>(List.of(
                request.reservationId(),
                request.eventId(),
                orEmpty(request.userId()),
                present(request.userId()),
                Long.toString(request.nowMs()),
                Long.toString(request.holdExpiresAtMs()),
                Integer.toString(seats.seatsPerEvent()),
                Integer.toString(request.quantity())));
        for (String seatId : request.seatIds()) {
            if (seats.number(seatId) < 0) {
                return new HoldResult.UnknownSeat(seatId);
            }
        }
        for (String seatId : new LinkedHashSet<>(request.seatIds())) {
            args.add(Integer.toString(seats.number(seatId)));
        }
        List<Object> reply = list(HOLD.run(redis, List.of(RedisKeys.reservation(request.reservationId())), args));
        if (!"held".equals(text(reply.get(0)))) {
            return new HoldResult.Unavailable();
        }
        return new HoldResult.Held(new Reservation(
                request.reservationId(),
                request.eventId(),
                seatIds(text(reply.get(1))),
                request.userId(),
                Reservation.Status.HOLD,
                request.nowMs(),
                request.holdExpiresAtMs(),
                null,
                null));
    }

    @Override
    public Optional<Reservation> find(String reservationId, long nowMs) {
        Object reply = FIND.run(redis, List.of(RedisKeys.reservation(reservationId)), List.of(Long.toString(nowMs)));
        Map<String, String> fields = Replies.fields(reply);
        return fields.isEmpty() ? Optional.empty() : Optional.of(decode(fields));
    }

    @Override
    public Transition confirm(String reservationId, String paymentIntentId, String orderId, long nowMs) {
        return transition(reservationId, "confirm", nowMs, paymentIntentId, orderId);
    }

    @Override
    public Transition cancel(String reservationId, long nowMs) {
        return transition(reservationId, "cancel", nowMs, null, null);
    }

    private Transition transition(
            String reservationId, String action, long nowMs, String paymentIntentId, String orderId) {
        List<Object> reply = list(TRANSITION.run(
                redis,
                List.of(RedisKeys.reservation(reservationId)),
                List.of(
                        reservationId,
                        action,
                        Long.toString(nowMs),
                        orEmpty(paymentIntentId),
                        present(paymentIntentId),
                        orEmpty(orderId),
                        present(orderId))));
        return switch (text(reply.get(0))) {
            case "done" -> new Transition.Done(decode(Replies.fields(reply.get(1))));
            case "wrong_status" -> new Transition.WrongStatus(decode(Replies.fields(reply.get(1))));
            default -> new Transition.NotFound();
        };
    }

    @Override
    public Map<String, SeatCounts> seatCounts(long nowMs) {
        List<Object> flat = list(SEAT_COUNTS.run(redis, List.of(), List.of(Long.toString(nowMs))));
        Map<String, SeatCounts> counts = new HashMap<>();
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            counts.put(text(flat.get(i)), new SeatCounts(number(flat.get(i + 1)), number(flat.get(i + 2))));
        }
        return counts;
    }

    private Reservation decode(Map<String, String> fields) {
        return new Reservation(
                fields.get("id"),
                fields.get("event_id"),
                seatIds(fields.get("seats")),
                fields.get("user_id"),
                Reservation.Status.valueOf(fields.get("status")),
                Long.parseLong(fields.get("created_at")),
                Long.parseLong(fields.get("hold_expires_at")),
                fields.get("payment_intent_id"),
                fields.get("order_id"));
    }

    private List<String> seatIds(String numbers) {
        List<String> ids = new ArrayList<>();
        if (numbers != null && !numbers.isEmpty()) {
            for (String number : numbers.split(",")) {
                ids.add(seats.seatId(Integer.parseInt(number)));
            }
        }
        return List.copyOf(ids);
    }
}
