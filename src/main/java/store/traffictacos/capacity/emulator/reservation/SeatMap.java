package store.traffictacos.capacity.emulator.reservation;

/**
 * Every event has seats {@code S1 .. S<seatsPerEvent>}; a quantity hold takes the lowest
 * numbered free seats.
 */
public record SeatMap(int seatsPerEvent) {

    public SeatMap {
        if (seatsPerEvent < 1) {
            throw new IllegalArgumentException("seats per event must be >= 1");
        }
    }

    public String seatId(int number) {
        return "S" + number;
    }

    /** The seat's number 1..seatsPerEvent, or -1 when the id names no seat of an event. */
    public int number(String seatId) {
        if (seatId == null || seatId.length() < 2 || seatId.charAt(0) != 'S') {
            return -1;
        }
        try {
            int number = Integer.parseInt(seatId.substring(1));
            return number >= 1 && number <= seatsPerEvent && seatId.equals(seatId(number)) ? number : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
