package store.traffictacos.capacity.runner;

/**
 * The client addresses one runner's journeys carry in {@code X-Forwarded-For} when the run spreads its
 * identity ({@code client.ips}): its part of a pool of {@code N} addresses in 198.18.0.0/15, the range
 * RFC 2544 reserves for benchmarks, so no real client is named. The pool is split across the runners as
 * evenly as whole addresses allow, so no two runners share one; each journey keeps one address for its
 * whole life. The address strings are made once, here, so that a request costs no allocation.
 */
public final class ClientAddressPool {
    /** The first address of 198.18.0.0/15 a client is given (the network address itself is left out). */
    private static final int FIRST = (198 << 24) | (18 << 16) | 1;

    /** Addresses in 198.18.0.0/15 without its network and broadcast addresses: 198.18.0.1 to 198.19.255.254. */
    public static final int MAX_ADDRESSES = (1 << 17) - 2;

    private static final ClientAddressPool NONE = new ClientAddressPool(new String[0]);

    private final String[] addresses;

    private ClientAddressPool(String[] addresses) {
        this.addresses = addresses;
    }

    /** No spreading: every request leaves with the runner's own address. */
    public static ClientAddressPool none() {
        return NONE;
    }

    /**
     * Runner {@code runnerIndex}'s part of a pool of {@code clientIps} addresses shared by {@code runnerCount}
     * runners; {@link #none()} when {@code clientIps} is 0.
     *
     * @throws IllegalArgumentException when the pool does not give every runner an address of its own
     */
    public static ClientAddressPool of(int clientIps, int runnerIndex, int runnerCount) {
        if (clientIps == 0) {
            return NONE;
        }
        requireSplittable(clientIps, runnerCount);
        int from = (int) ((long) clientIps * runnerIndex / runnerCount);
        int to = (int) ((long) clientIps * (runnerIndex + 1) / runnerCount);
        String[] addresses = new String[to - from];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = dotted(FIRST + from + i);
        }
        return new ClientAddressPool(addresses);
    }

    /** {@code clientIps} is 0 (off) or gives each of {@code runnerCount} runners an address of its own in the range. */
    static void requireSplittable(int clientIps, int runnerCount) {
        if (clientIps < 0 || clientIps > MAX_ADDRESSES) {
            throw new IllegalArgumentException(
                    "must be 0 (off) or 1.." + MAX_ADDRESSES + " (the addresses of 198.18.0.0/15), got " + clientIps);
        }
        if (clientIps > 0 && clientIps < runnerCount) {
            throw new IllegalArgumentException("must be at least the runner count (" + runnerCount
                    + "), so that each runner has addresses of its own, got " + clientIps);
        }
    }

    public boolean spread() {
        return addresses.length > 0;
    }

    public int size() {
        return addresses.length;
    }

    /** The address of the runner's {@code journeyNumber}-th journey (0, 1, ...); null when not spreading. */
    public String address(long journeyNumber) {
        return addresses.length == 0 ? null : addresses[(int) Math.floorMod(journeyNumber, (long) addresses.length)];
    }

    private static String dotted(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }
}
